using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>Builds the seed experiment's trainers (a 1x2 kernel, no bias, summed squared error).</summary>
internal static class SeedTrainers
{
    public static KernelTrainerOptions Options(double w0, double w1, double lr) => new()
    {
        Rows = 1,
        Cols = 2,
        InitialWeights = [w0, w1],
        LearningRate = LearningRateSchedule.Constant(lr),
    };

    public static FloatKernelTrainer Float(double w0, double w1, double lr = 0.03) => new(Options(w0, w1, lr));

    public static FixedKernelTrainer Fixed(double w0, double w1, double lr = 0.03, FixedTrainingFormat? format = null) =>
        new(Options(w0, w1, lr), format ?? FixedTrainingFormat.IntegerPixels, SeedData.Width, SeedData.Height);

    public static double Step(FloatKernelTrainer t) =>
        t.Step(new ReadOnlyPlane<double>(SeedData.XDouble, SeedData.Width, SeedData.Height), new ReadOnlyPlane<double>(SeedData.YDouble, SeedData.OutWidth, SeedData.Height));

    public static FixedLoss Step(FixedKernelTrainer t) =>
        t.Step(new ReadOnlyPlane<byte>(SeedData.X, SeedData.Width, SeedData.Height), new ReadOnlyPlane<short>(SeedData.YInt16, SeedData.OutWidth, SeedData.Height));
}
