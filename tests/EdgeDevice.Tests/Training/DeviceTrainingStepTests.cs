using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using EdgeDevice.Frames;
using EdgeDevice.Sources;
using EdgeDevice.Training;

namespace EdgeDevice.Tests.Training;

public class DeviceTrainingStepTests
{
    [Fact]
    public void AStepOnANewFrameAllocatesNothingAfterTheFirst()
    {
        var frame = new LumaFrame(200, 150);
        var step = new DeviceTrainingStep(KernelCatalogue.GetKernel("sobel-x"), 160, 120, 0.5, 1e-6);
        SyntheticPattern.Render(0, frame.AsWritablePlane());
        step.Step(frame.AsPlane());

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 30; i++)
        {
            SyntheticPattern.Render(i, frame.AsWritablePlane());
            step.Step(frame.AsPlane());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(31, step.Trainer.Iteration);
    }

    [Fact]
    public void TheLossIsThatOfTheForwardWeightsAgainstTheTeacherOnTheFrame()
    {
        // Zero weights predict 0, so the first loss is the mean square of the teacher's map.
        var frame = new LumaFrame(40, 30);
        SyntheticPattern.Render(3, frame.AsWritablePlane());
        FixedKernel teacher = KernelCatalogue.GetKernel("laplacian4");
        var step = new DeviceTrainingStep(teacher, 40, 30, 0.5, 1e-6);

        double loss = step.Step(frame.AsPlane());

        double sum = 0;
        var x = frame.AsPlane();
        for (int r = 0; r < 28; r++)
        {
            for (int c = 0; c < 38; c++)
            {
                double y = x[r, c + 1] + x[r + 1, c] - (4.0 * x[r + 1, c + 1]) + x[r + 1, c + 2] + x[r + 2, c + 1];
                sum += (y / 256) * (y / 256);
            }
        }

        Assert.Equal(sum / (28 * 38), loss, 9);
    }

    [Fact]
    public void AFrameLargerThanTheTrainerGivesACropAndATooSmallOneIsRefused()
    {
        var step = new DeviceTrainingStep(KernelCatalogue.GetKernel("sobel-x"), 32, 32, 0.5, 1e-6);
        var big = new byte[100 * 80];
        new Random(4).NextBytes(big);

        double loss = step.Step(new ReadOnlyPlane<byte>(big, 100, 80));

        Assert.True(loss > 0);
        Assert.False(step.CanUse(new ReadOnlyPlane<byte>(new byte[4], 2, 2)));
        Assert.Throws<ArgumentException>(() => step.Step(new ReadOnlyPlane<byte>(new byte[4], 2, 2)));
    }
}
