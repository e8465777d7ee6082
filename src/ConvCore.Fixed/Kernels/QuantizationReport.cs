namespace ConvCore.Fixed.Kernels;

/// <summary>
/// What converting a real-valued kernel to fixed point cost: the largest absolute error
/// over all weights (in real units), and how many weights had to be saturated.
/// </summary>
public readonly record struct QuantizationReport(double MaxAbsError, int SaturatedCount, double BiasError)
{
    /// <summary>The step of the Q format used, 2^-fractionBits: the best possible resolution.</summary>
    public double Step { get; init; }
}
