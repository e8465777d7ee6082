using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;
using EdgeDevice.Sources;
using EdgeDevice.Training;

namespace EdgeDevice.Tests.Training;

public class FrameTrainingRunTests
{
    private static readonly Lazy<IReadOnlyList<(string, byte[], int, int)>> Photos = new(() => TrainingImages.Load(TrainingImages.Samples));

    [Fact]
    public void TheSameSeedGivesTheSameKernelAndAnotherSeedAnotherPath()
    {
        TrainingSet set = TrainingSet.FromTeacher(KernelCatalogue.GetKernel("edge-x"), Photos.Value);
        var settings = new FrameTrainingSettings { MaxIterations = 60 };

        FrameTrainingResult a = new FrameTrainingRun(set, settings).Run("a");
        FrameTrainingResult b = new FrameTrainingRun(set, settings).Run("b");
        FrameTrainingResult c = new FrameTrainingRun(set, settings with { Seed = 2 }).Run("c");

        Assert.Equal(a.Kernel.Weights.ToArray(), b.Kernel.Weights.ToArray());
        Assert.Equal(a.Curve.Points.Select(p => p.Loss), b.Curve.Points.Select(p => p.Loss));
        Assert.NotEqual(a.Curve.Points.Select(p => p.Loss), c.Curve.Points.Select(p => p.Loss));
    }

    [Fact]
    public void ATargetNoKernelCanMakeStallsAsNotConverging()
    {
        // The target is the photo's own pixels squared: no linear kernel reproduces it.
        var (origin, pixels, w, h) = Photos.Value[1];
        int[] target = Array.ConvertAll(pixels, p => p * p / 255);
        TrainingSet set = TrainingSet.FromPair(new TrainingExample(origin, pixels, w, h, target, w, h), 1, 1);
        var settings = new FrameTrainingSettings { StallPatience = 30, MaxIterations = 3000 };

        FrameTrainingResult r = new FrameTrainingRun(set, settings).Run("square");

        Assert.Equal(TrainingOutcome.NotConverging, r.Outcome);
        Assert.True(r.Iterations < 3000);
        Assert.True(r.SetLoss > settings.LossTarget);
    }

    [Fact]
    public void ConvergenceIsJudgedOnEveryPixelNotOnOneBatch()
    {
        TrainingSet set = TrainingSet.FromTeacher(KernelCatalogue.GetKernel("sobel-x"), Photos.Value);

        FrameTrainingResult r = new FrameTrainingRun(set, new FrameTrainingSettings()).Run("s");

        Assert.Equal(TrainingOutcome.Converged, r.Outcome);
        double check = new SetLoss(set, 12).MeanSquaredError(r.Kernel.Weights, r.Kernel.Bias);
        Assert.Equal(check, r.SetLoss, 15);
        Assert.True(r.SetLoss <= 2e-7);
        Assert.Equal(r.Iterations, r.Curve.Count);
    }

    [Fact]
    public void AStepAllocatesNothingAfterTheFirst()
    {
        TrainingSet set = TrainingSet.FromTeacher(KernelCatalogue.GetKernel("laplacian4"), Photos.Value);
        var run = new FrameTrainingRun(set, new FrameTrainingSettings { LearningRate = LearningRateSchedule.StepDecay(0.2, 0.5, 5) });
        // Warm up past tiered compilation (its on-stack replacement can allocate on this
        // thread once while other tests keep the JIT busy), then count.
        for (int i = 0; i < 40; i++)
        {
            run.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 30; i++)
        {
            run.Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(70, run.Trainer.Iteration);
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        TrainingSet set = TrainingSet.FromTeacher(KernelCatalogue.GetKernel("edge-y"), Photos.Value);
        using var cancel = new CancellationTokenSource();
        int seen = 0;

        FrameTrainingResult r = new FrameTrainingRun(set, new FrameTrainingSettings()).Run("c", p =>
        {
            seen = p.Iteration;
            if (p.Iteration == 7)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.Equal(TrainingOutcome.Cancelled, r.Outcome);
        Assert.Equal(7, r.Iterations);
        Assert.Equal(7, seen);
    }

    [Fact]
    public void CropsAreTheRequestedSizeAndTheirTargetsLineUp()
    {
        FixedKernel teacher = KernelCatalogue.GetKernel("sobel-y");
        TrainingSet set = TrainingSet.FromTeacher(teacher, Photos.Value);
        var sampler = new CropSampler(set, 48, seed: 3);
        for (int i = 0; i < 20; i++)
        {
            sampler.Next();
            var x = sampler.Input();
            var y = sampler.Target();
            Assert.Equal((48, 48), (x.Width, x.Height));
            Assert.Equal((46, 46), (y.Width, y.Height));

            // The target at (0, 0) is the teacher on the crop's top-left window.
            int expected = 0;
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    expected += teacher[r, c] * x[r, c];
                }
            }

            Assert.Equal(expected, y[0, 0]);
        }
    }

    [Fact]
    public void TheBundledPhotosAreTheDefaultInput()
    {
        Assert.Equal(SampleImages.Files.Count, Photos.Value.Count);
        Assert.All(Photos.Value, p => Assert.Equal(p.Item3 * p.Item4, p.Item2.Length));
    }
}
