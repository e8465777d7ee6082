using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Correlation;

// The 16-bit-accumulator family: only for kernels with 255 x sum|w| <= 32767
// (FixedKernel.FitsInt16Accumulator). Then every product pixel x weight and every partial
// sum lies in int16, so wrapping 16-bit lane arithmetic never wraps and is exact. Twice the
// pixels per instruction of the 32-bit family: the main speed lever for edge kernels.

/// <summary>16 pixels per block: one 16-byte load per tap, two 8-lane int16 accumulators.</summary>
internal readonly struct VectorInt16Lanes128 : IVectorBlock
{
    public static int Width => 16;

    public static int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, int kernelCols, Span<VectorTap> taps, Span<Vector256<short>> weights) =>
        VectorTapWeights.PrepareInt16(kernelTaps, stride, taps, weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        Vector128<short> lo = Vector128<short>.Zero;
        Vector128<short> hi = Vector128<short>.Zero;
        for (int i = 0; i < taps.Length; i++)
        {
            // Pixels 0..255 zero-extend to ushort; reinterpreted as short they are unchanged.
            (Vector128<ushort> p0, Vector128<ushort> p1) = Vector128.Widen(Vector128.LoadUnsafe(ref window, (nuint)taps[i].Offset));
            Vector128<short> w = VectorTapWeights.Get128<short>(weights, i);
            lo += p0.AsInt16() * w;
            hi += p1.AsInt16() * w;
        }

        sink.Store(lo, hi, ref destination);
    }
}

/// <summary>32 pixels per block: two 16-byte widening loads per tap, two 16-lane int16 accumulators.</summary>
internal readonly struct VectorInt16Lanes256 : IVectorBlock
{
    public static int Width => 32;

    public static int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, int kernelCols, Span<VectorTap> taps, Span<Vector256<short>> weights) =>
        VectorTapWeights.PrepareInt16(kernelTaps, stride, taps, weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        Vector256<short> lo = Vector256<short>.Zero;
        Vector256<short> hi = Vector256<short>.Zero;
        if (Avx2.IsSupported)
        {
            // vpmovzxbw straight from memory, 16 bytes each: one port-5 micro-op per half,
            // where a 32-byte load needs an extract and two register widenings.
            for (int i = 0; i < taps.Length; i++)
            {
                nuint offset = (nuint)taps[i].Offset;
                Vector256<short> w = VectorTapWeights.Get256<short>(weights, i);
                lo += Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, offset)) * w;
                hi += Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, offset + 16)) * w;
            }
        }
        else
        {
            for (int i = 0; i < taps.Length; i++)
            {
                (Vector256<ushort> p0, Vector256<ushort> p1) = Vector256.Widen(Vector256.LoadUnsafe(ref window, (nuint)taps[i].Offset));
                Vector256<short> w = VectorTapWeights.Get256<short>(weights, i);
                lo += p0.AsInt16() * w;
                hi += p1.AsInt16() * w;
            }
        }

        sink.Store(lo, hi, ref destination);
    }
}
