using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Requantised int16 output in lanes: saturate(round_half_even((acc + bias) >> shift)), as
/// Int16Store with a multiplier of 1. The identity case from int16 lanes is a plain store:
/// the accumulators are already the exact, in-range result (sobel-x to an int16 map).
/// </summary>
internal readonly struct VectorInt16Sink(VectorRequantizer requantizer) : IVectorSink<short>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<short> lo, Vector128<short> hi, ref short destination)
    {
        if (requantizer.IsIdentity)
        {
            lo.StoreUnsafe(ref destination);
            hi.StoreUnsafe(ref destination, 8);
            return;
        }

        VectorSinkWidening.Store(this, lo, hi, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<short> lo, Vector256<short> hi, ref short destination)
    {
        if (requantizer.IsIdentity)
        {
            lo.StoreUnsafe(ref destination);
            hi.StoreUnsafe(ref destination, 16);
            return;
        }

        VectorSinkWidening.Store(this, lo, hi, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d, ref short destination)
    {
        Vector128.NarrowWithSaturation(requantizer.Apply(a), requantizer.Apply(b)).StoreUnsafe(ref destination);
        Vector128.NarrowWithSaturation(requantizer.Apply(c), requantizer.Apply(d)).StoreUnsafe(ref destination, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, ref short destination)
    {
        Vector256.NarrowWithSaturation(requantizer.Apply(a), requantizer.Apply(b)).StoreUnsafe(ref destination);
        Vector256.NarrowWithSaturation(requantizer.Apply(c), requantizer.Apply(d)).StoreUnsafe(ref destination, 16);
    }
}
