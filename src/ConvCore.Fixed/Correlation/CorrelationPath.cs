namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Which implementation computed a result. Ordered: a caller may cap the path with
/// <see cref="CorrelationOptions.MaxPath"/> (e.g. <see cref="Scalar"/> to run the
/// specification alone); the dispatcher reports the one it actually used.
/// </summary>
public enum CorrelationPath
{
    /// <summary>The plain scalar code: the specification every other path must equal.</summary>
    Scalar = 0,

    /// <summary>128-bit vectors (SSE on x64, NEON on a Pi).</summary>
    Vector128 = 1,

    /// <summary>256-bit vectors (AVX2 on x64).</summary>
    Vector256 = 2,
}
