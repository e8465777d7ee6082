using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

// The 16-bit-accumulator family: only for kernels with 255 x sum|w| <= 32767
// (FixedKernel.FitsInt16Accumulator). Then every product pixel x weight and every partial
// sum lies in int16, so wrapping 16-bit lane arithmetic never wraps and is exact. Twice the
// pixels per instruction of the 32-bit family: the main speed lever for edge kernels.

/// <summary>16 pixels per block: one 16-byte load per tap, two 8-lane int16 accumulators.</summary>
internal readonly struct VectorInt16Lanes128 : IVectorBlock
{
    public static int Width => 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        Vector128<short> lo = Vector128<short>.Zero;
        Vector128<short> hi = Vector128<short>.Zero;
        foreach (VectorTap tap in taps)
        {
            // Pixels 0..255 zero-extend to ushort; reinterpreted as short they are unchanged.
            (Vector128<ushort> p0, Vector128<ushort> p1) = Vector128.Widen(Vector128.LoadUnsafe(ref window, (nuint)tap.Offset));
            Vector128<short> w = Vector128.Create(tap.Weight);
            lo += p0.AsInt16() * w;
            hi += p1.AsInt16() * w;
        }

        sink.Store(lo, hi, ref destination);
    }
}

/// <summary>32 pixels per block: one 32-byte load per tap, two 16-lane int16 accumulators.</summary>
internal readonly struct VectorInt16Lanes256 : IVectorBlock
{
    public static int Width => 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        Vector256<short> lo = Vector256<short>.Zero;
        Vector256<short> hi = Vector256<short>.Zero;
        foreach (VectorTap tap in taps)
        {
            (Vector256<ushort> p0, Vector256<ushort> p1) = Vector256.Widen(Vector256.LoadUnsafe(ref window, (nuint)tap.Offset));
            Vector256<short> w = Vector256.Create(tap.Weight);
            lo += p0.AsInt16() * w;
            hi += p1.AsInt16() * w;
        }

        sink.Store(lo, hi, ref destination);
    }
}
