namespace ConvCore.Fixed.Correlation;

/// <summary>
/// One vector kernel: computes <see cref="Width"/> consecutive output pixels of a row whose
/// windows lie inside the input, and hands the exact accumulators to a sink. Implemented by
/// a struct per (accumulator lane width, vector width), so the interior loop is written once.
/// </summary>
internal interface IVectorBlock
{
    /// <summary>Output pixels per block.</summary>
    static abstract int Width { get; }

    /// <summary>
    /// <paramref name="window"/> is the input byte under the first pixel's window top-left;
    /// every tap offset from it, plus up to <see cref="Width"/> - 1, must be inside the input.
    /// </summary>
    static abstract void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>;
}
