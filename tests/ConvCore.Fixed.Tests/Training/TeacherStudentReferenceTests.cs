using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>Teacher-student training held against the float reference, and its failure modes.</summary>
public class TeacherStudentReferenceTests
{
    [Fact]
    public void OnFramesTheFixedTrainerFollowsTheFloatTrainerWithinOneHundredth()
    {
        var options = new KernelTrainerOptions
        {
            Rows = 3,
            Cols = 3,
            Loss = LossKind.MeanSquaredError,
            LearningRate = LearningRateSchedule.Constant(0.15),
            Momentum = 0.9,
            Stopping = new StoppingRule { StallPatience = 0 },
        };
        var scenes = new TeacherScenes(KernelCatalogue.GetKernel("sobel-x"), cropSeed: 3);
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.UnitPixels, TeacherScenes.CropSize, TeacherScenes.CropSize);
        var reference = new FloatKernelTrainer(options);
        var x = new double[TeacherScenes.CropSize * TeacherScenes.CropSize];
        var y = new double[scenes.TargetCropWidth * scenes.TargetCropHeight];
        double firstLoss = 0, lastLoss = 0;
        for (int step = 1; step <= 40; step++)
        {
            for (int b = 0; b < 2; b++)
            {
                var crop = scenes.NextCrop();
                trainer.Accumulate(scenes.Input(crop), scenes.Target(crop));
                ToUnit(scenes.Input(crop), x);
                ToUnit(scenes.Target(crop), y);
                reference.Accumulate(
                    new ReadOnlyPlane<double>(x, TeacherScenes.CropSize, TeacherScenes.CropSize),
                    new ReadOnlyPlane<double>(y, scenes.TargetCropWidth, scenes.TargetCropHeight));
            }

            double floatLoss = reference.Step();
            double fixedLoss = trainer.Step().ToDouble();
            firstLoss = step == 1 ? fixedLoss : firstLoss;
            lastLoss = fixedLoss;
            Assert.True(Math.Abs(fixedLoss - floatLoss) <= 0.01 * Math.Max(floatLoss, 1e-3), $"step {step}: loss {fixedLoss} vs {floatLoss}");
            double[] w = trainer.CurrentWeights();
            for (int k = 0; k < 9; k++)
            {
                Assert.True(Math.Abs(w[k] - reference.Weights[k]) <= 0.01, $"step {step}, weight {k}: {w[k]} vs {reference.Weights[k]}");
            }
        }

        // Both moved a long way, together: from zeros (error 2, the Sobel centre weight) to
        // under half of that, and the loss fell severalfold.
        Assert.True(scenes.MaxWeightError(trainer.ToKernel("s")) < 1.0, $"max weight error {scenes.MaxWeightError(trainer.ToKernel("s"))}");
        Assert.True(lastLoss < firstLoss / 4, $"loss went from {firstLoss} to {lastLoss}");
    }

    [Fact]
    public void PlainGradientDescentLearnsTheEdgeKernelFromFrames()
    {
        var options = new KernelTrainerOptions
        {
            Rows = 1,
            Cols = 2,
            Loss = LossKind.MeanSquaredError,
            LearningRate = LearningRateSchedule.Constant(0.5),
            Stopping = new StoppingRule { LossThreshold = 1e-6, StallPatience = 0 },
        };
        var (trainer, scenes) = TeacherStudentTests.Train("edge-x", options, batch: 2, maxSteps: 2000);

        Assert.Equal(TrainingStatus.Converged, trainer.Status);
        Assert.True(scenes.MaxWeightError(trainer.ToKernel("s")) <= 0.02, $"after {trainer.Iteration} steps: {string.Join(", ", trainer.CurrentWeights())}");
    }

    [Fact]
    public void AStudentTooSmallForItsTeacherIsReportedAsNotConverging()
    {
        // A 3x3 student cannot express the 5x5 Gaussian: the loss settles above zero. The
        // teacher's raw output carries its 8 fraction bits on top of the pixels' 8, so the
        // target has 16 and needs int32.
        FixedKernel teacher = KernelCatalogue.GetKernel("gaussian5");
        byte[] scene = SyntheticScene.Create(TeacherScenes.SceneSize, TeacherScenes.SceneSize, 100);
        int n = TeacherScenes.SceneSize, tn = n - 4;
        var target = new int[tn * tn];
        Correlator.Correlate(new ReadOnlyPlane<byte>(scene, n, n), teacher, new Plane<int>(target, tn, tn), CorrelationOptions.Valid);

        var options = new KernelTrainerOptions
        {
            Rows = 3,
            Cols = 3,
            Loss = LossKind.MeanSquaredError,
            LearningRate = LearningRateSchedule.Constant(0.05),
            Momentum = 0.9,
            Stopping = new StoppingRule { LossThreshold = 1e-9, StallPatience = 30, MinRelativeImprovement = 0.01 },
        };
        var format = FixedTrainingFormat.UnitPixels with { TargetFractionBits = 16 };
        var trainer = new FixedKernelTrainer(options, format, 62, 62);
        var crops = new Random(9);
        while (trainer.Status == TrainingStatus.Running && trainer.Iteration < 1000)
        {
            int cx = crops.Next(tn - 60 + 1), cy = crops.Next(tn - 60 + 1);

            // The student sees the 62x62 window centred on the teacher's 64x64 one.
            trainer.Step(
                new ReadOnlyPlane<byte>(scene, n, n).Slice(cx + 1, cy + 1, 62, 62),
                new ReadOnlyPlane<int>(target, tn, tn).Slice(cx, cy, 60, 60));
        }

        Assert.Equal(TrainingStatus.NotConverging, trainer.Status);
        Assert.True(trainer.LossEstimate > 1e-9 && double.IsFinite(trainer.LossEstimate), $"loss {trainer.LossEstimate}");
    }

    private static void ToUnit<T>(ReadOnlyPlane<T> plane, double[] into) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (int r = 0; r < plane.Height; r++)
        {
            for (int c = 0; c < plane.Width; c++)
            {
                into[(r * plane.Width) + c] = double.CreateChecked(plane[r, c]) / 256;
            }
        }
    }
}
