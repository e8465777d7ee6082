using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

/// <summary>The raw int32 accumulators (no bias, no rounding), as RawInt32Store.</summary>
internal readonly struct VectorRawSink : IVectorSink<int>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<short> lo, Vector128<short> hi, ref int destination) =>
        VectorSinkWidening.Store(this, lo, hi, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<short> lo, Vector256<short> hi, ref int destination) =>
        VectorSinkWidening.Store(this, lo, hi, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d, ref int destination)
    {
        a.StoreUnsafe(ref destination);
        b.StoreUnsafe(ref destination, 4);
        c.StoreUnsafe(ref destination, 8);
        d.StoreUnsafe(ref destination, 12);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, ref int destination)
    {
        a.StoreUnsafe(ref destination);
        b.StoreUnsafe(ref destination, 8);
        c.StoreUnsafe(ref destination, 16);
        d.StoreUnsafe(ref destination, 24);
    }
}
