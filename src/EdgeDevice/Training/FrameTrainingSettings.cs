using ConvCore.Fixed.Training;

namespace EdgeDevice.Training;

/// <summary>
/// How a student learns from frames: mini-batches of random crops, a constant or
/// step-decay rate with heavy-ball momentum, and when to stop. Pixels count as [0, 1) and
/// the loss is the mean squared error, so the numbers do not depend on the image size.
/// </summary>
public sealed record FrameTrainingSettings
{
    /// <summary>Steps before giving up (a missed target).</summary>
    public int MaxIterations { get; init; } = 4000;

    public LearningRateSchedule LearningRate { get; init; } = LearningRateSchedule.Constant(DefaultLearningRate);

    /// <summary>The default rate of a 3x3 (or smaller) student.</summary>
    public const double DefaultLearningRate = 0.4;

    /// <summary>
    /// The default rate for a kernel of <paramref name="taps"/> weights: 0.4 up to 3x3, then
    /// 3.6 / taps. The steepest direction (a window's brightness) grows with the number of
    /// taps, and a bright batch must not push the step past it (gaussian5 diverges at 0.4).
    /// </summary>
    public static double DefaultLearningRateFor(int taps) => Math.Min(DefaultLearningRate, 3.6 / Math.Max(1, taps));

    /// <summary>
    /// 0.9: photographs make the problem badly conditioned (the brightness direction of a
    /// window is hundreds of times steeper than the detail directions), and momentum cuts the
    /// steps about tenfold.
    /// </summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Crops per step.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Side of the square crops (smaller images are used whole on that axis).</summary>
    public int CropSize { get; init; } = 64;

    /// <summary>Seed of the crop positions: the same seed gives the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop once the mean squared error over every pixel of the set is at or below this.</summary>
    public double LossTarget { get; init; } = 2e-7;

    /// <summary>Steps without a 1 % improvement of the loss over every pixel before "not converging" (0: never).</summary>
    public int StallPatience { get; init; } = 400;

    public bool UseBias { get; init; }

    /// <summary>Row-major starting weights (real values); null starts from zeros.</summary>
    public IReadOnlyList<double>? InitialWeights { get; init; }

    /// <summary>Fraction bits of the student's int16 weights (12: Q4.12, range [-8, 8)).</summary>
    public int WeightFractionBits { get; init; } = 12;
}
