using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>
/// Learning real kernels: Y = teacher(frame) on natural-looking 64x64 crops (pixels as
/// [0, 1), mean squared error), a student of the same size learns the teacher in fixed point.
/// </summary>
/// <remarks>
/// Frame content makes this problem badly conditioned: the mean-brightness direction of a
/// 3x3 window is a few hundred times steeper than the fine-detail ones. Heavy-ball momentum
/// 0.9 cuts the steps about tenfold; the rates stay below 2 / lambda_max of the brightest crops.
/// </remarks>
public class TeacherStudentTests
{
    /// <summary>The MSE at which the tests stop: low enough that every weight is within 0.02.</summary>
    private const double StopLoss = 1e-6;

    [Fact]
    public void SobelXIsLearnedFromZerosWithBatchesOfFourCrops()
    {
        var options = Options(LearningRateSchedule.Constant(0.15), null);
        var (trainer, scenes) = Train("sobel-x", options, batch: 4, maxSteps: 1500);

        Assert.Equal(TrainingStatus.Converged, trainer.Status);
        Assert.True(scenes.MaxWeightError(trainer.ToKernel("student")) <= 0.02, Describe(trainer, scenes));
    }

    [Fact]
    public void SobelYIsLearnedFromASeededRandomStartWithANewCropEveryStep()
    {
        var options = Options(LearningRateSchedule.Constant(0.1), KernelInit.Uniform(3, 3, seed: 5, scale: 1.0));
        var (trainer, scenes) = Train("sobel-y", options, batch: 1, maxSteps: 3000);

        Assert.Equal(TrainingStatus.Converged, trainer.Status);
        Assert.True(scenes.MaxWeightError(trainer.ToKernel("student")) <= 0.02, Describe(trainer, scenes));
    }

    [Fact]
    public void Laplacian4IsLearnedWithAStepDecayingRate()
    {
        var options = Options(LearningRateSchedule.StepDecay(0.2, 0.8, 100), null);
        var (trainer, scenes) = Train("laplacian4", options, batch: 4, maxSteps: 1500);

        Assert.Equal(TrainingStatus.Converged, trainer.Status);
        Assert.True(scenes.MaxWeightError(trainer.ToKernel("student")) <= 0.02, Describe(trainer, scenes));
        Assert.True(trainer.LearningRate < 0.2, "the rate should have decayed at least once");
    }

    [Fact]
    public void ALiveStepOnANewCropAllocatesNothing()
    {
        var options = Options(LearningRateSchedule.StepDecay(0.1, 0.5, 10), null) with { UseBias = true };
        var scenes = new TeacherScenes(KernelCatalogue.GetKernel("sobel-x"), cropSeed: 1);
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.UnitPixels, TeacherScenes.CropSize, TeacherScenes.CropSize);
        var first = scenes.NextCrop();
        trainer.Step(scenes.Input(first), scenes.Target(first));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            var crop = scenes.NextCrop();
            trainer.Step(scenes.Input(crop), scenes.Target(crop));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(51, trainer.Iteration);
    }

    private static KernelTrainerOptions Options(LearningRateSchedule rate, double[]? init) => new()
    {
        Rows = 3,
        Cols = 3,
        InitialWeights = init,
        Loss = LossKind.MeanSquaredError,
        LearningRate = rate,
        Momentum = 0.9,
        Stopping = new StoppingRule { LossThreshold = StopLoss, StallPatience = 0 },
    };

    internal static (FixedKernelTrainer Trainer, TeacherScenes Scenes) Train(string teacher, KernelTrainerOptions options, int batch, int maxSteps, int cropSeed = 7)
    {
        var scenes = new TeacherScenes(KernelCatalogue.GetKernel(teacher), cropSeed);
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.UnitPixels, TeacherScenes.CropSize, TeacherScenes.CropSize);
        while (trainer.Iteration < maxSteps && trainer.Status is TrainingStatus.Running or TrainingStatus.NotConverging)
        {
            for (int b = 0; b < batch; b++)
            {
                var crop = scenes.NextCrop();
                trainer.Accumulate(scenes.Input(crop), scenes.Target(crop));
            }

            trainer.Step();
        }

        return (trainer, scenes);
    }

    private static string Describe(FixedKernelTrainer t, TeacherScenes s) =>
        $"after {t.Iteration} steps ({t.Status}, loss {t.LossEstimate:G3}): [{string.Join(", ", t.CurrentWeights().Select(w => w.ToString("F4")))}], max error {s.MaxWeightError(t.ToKernel("s")):F4}";
}
