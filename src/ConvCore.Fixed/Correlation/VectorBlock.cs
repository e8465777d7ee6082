using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;

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
    /// Turns the kernel's non-zero taps into the block's own tap list, once per call: the
    /// offset of each term's first sample from the window's top-left, and its weights already
    /// broadcast into a vector (so the block loop multiplies by a memory operand instead of
    /// broadcasting per tap per block). Returns how many entries it filled; never more than
    /// 2 x <paramref name="kernelTaps"/>.Length. Every sample a term reads lies inside the window.
    /// </summary>
    static abstract int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, int kernelCols, Span<VectorTap> taps, Span<Vector256<short>> weights);

    /// <summary>
    /// <paramref name="window"/> is the input byte under the first pixel's window top-left;
    /// every tap offset from it, plus up to <see cref="Width"/> - 1, must be inside the input.
    /// <paramref name="weights"/> is at least as long as <paramref name="taps"/>.
    /// </summary>
    static abstract void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>;
}
