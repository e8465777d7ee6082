namespace ConvCore.Fixed.Training;

/// <summary>
/// The fixed-point formats of a training run: what the integers of the input, the target,
/// the int16 forward weights and the wide master weights mean, and how updates round.
/// </summary>
/// <remarks>
/// A value v with F fraction bits stands for v / 2^F. The seed experiment uses integer
/// pixels and targets (0 fraction bits); camera frames use pixels 0..255 as [0, 1) and
/// targets with the same 8 fraction bits, so an integer teacher kernel applied to the raw
/// bytes gives the target directly.
/// </remarks>
public sealed record FixedTrainingFormat
{
    /// <summary>Fraction bits of the learning rate: 0.03 is held to about 1e-11 relative.</summary>
    public const int LearningRateFractionBits = 40;

    /// <summary>The most master-weight fraction bits (the update shift stays non-negative).</summary>
    public const int MaxMasterFractionBits = 40;

    public const int MaxInputFractionBits = 8;

    public const int MaxTargetFractionBits = 24;

    /// <summary>Integer pixels and integer targets: the seed experiment.</summary>
    public static FixedTrainingFormat IntegerPixels { get; } = new();

    /// <summary>Pixels 0..255 as [0, 1) and targets in the same units: teacher-student training on frames.</summary>
    public static FixedTrainingFormat UnitPixels { get; } = new() { InputFractionBits = 8, TargetFractionBits = 8 };

    public int InputFractionBits { get; init; }

    public int TargetFractionBits { get; init; }

    /// <summary>Fraction bits of the int16 forward weights (12: Q4.12, range [-8, 8), step 1/4096).</summary>
    public int WeightFractionBits { get; init; } = 12;

    /// <summary>Fraction bits of the int64 master weights that accumulate the updates.</summary>
    public int MasterFractionBits { get; init; } = 30;

    public UpdateRounding Rounding { get; init; } = UpdateRounding.HalfEven;

    /// <summary>Seed of the generator that stochastic rounding draws from.</summary>
    public ulong StochasticSeed { get; init; }

    /// <summary>
    /// Fraction bits of the error map Y_hat - Y: fine enough to hold both the prediction
    /// (weight + input bits) and the target exactly.
    /// </summary>
    public int ErrorFractionBits => Math.Max(WeightFractionBits + InputFractionBits, TargetFractionBits);

    /// <summary>Fraction bits of the integer loss (a square of errors).</summary>
    public int LossFractionBits => 2 * ErrorFractionBits;

    /// <summary>The largest real weight the forward format holds: (2^15 - 1) / 2^WeightFractionBits.</summary>
    public double MaxWeight => short.MaxValue / (double)(1 << WeightFractionBits);

    internal void Validate()
    {
        if (InputFractionBits < 0 || InputFractionBits > MaxInputFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(InputFractionBits), InputFractionBits, $"InputFractionBits must be between 0 and {MaxInputFractionBits}.");
        }

        if (TargetFractionBits < 0 || TargetFractionBits > MaxTargetFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(TargetFractionBits), TargetFractionBits, $"TargetFractionBits must be between 0 and {MaxTargetFractionBits}.");
        }

        if (WeightFractionBits < 0 || WeightFractionBits > Kernels.FixedKernel.MaxFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(WeightFractionBits), WeightFractionBits, $"WeightFractionBits must be between 0 and {Kernels.FixedKernel.MaxFractionBits}.");
        }

        int least = WeightFractionBits + InputFractionBits;
        if (MasterFractionBits < least || MasterFractionBits > MaxMasterFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(MasterFractionBits), MasterFractionBits,
                $"MasterFractionBits must be between {least} (weight + input fraction bits, so the bias converts exactly) and {MaxMasterFractionBits}.");
        }

        if (!Enum.IsDefined(Rounding))
        {
            throw new ArgumentOutOfRangeException(nameof(Rounding), Rounding, "Unknown update rounding.");
        }
    }
}
