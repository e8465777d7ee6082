using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Requantised uint8 output in lanes, as ByteStore with a multiplier of 1: negative results
/// become 0 and results above 255 become 255 (saturation, never wrap-around).
/// </summary>
internal readonly struct VectorByteSink(VectorRequantizer requantizer) : IVectorSink<byte>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<short> lo, Vector128<short> hi, ref byte destination)
    {
        if (requantizer.IsIdentity)
        {
            ToBytes(lo, hi).StoreUnsafe(ref destination);
            return;
        }

        VectorSinkWidening.Store(this, lo, hi, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<short> lo, Vector256<short> hi, ref byte destination)
    {
        if (requantizer.IsIdentity)
        {
            ToBytes(lo, hi).StoreUnsafe(ref destination);
            return;
        }

        VectorSinkWidening.Store(this, lo, hi, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d, ref byte destination)
    {
        // int32 -> int16 saturating keeps the order of magnitude; int16 -> uint8 finishes it.
        Vector128<short> lo = Vector128.NarrowWithSaturation(requantizer.Apply(a), requantizer.Apply(b));
        Vector128<short> hi = Vector128.NarrowWithSaturation(requantizer.Apply(c), requantizer.Apply(d));
        ToBytes(lo, hi).StoreUnsafe(ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, ref byte destination)
    {
        Vector256<short> lo = Vector256.NarrowWithSaturation(requantizer.Apply(a), requantizer.Apply(b));
        Vector256<short> hi = Vector256.NarrowWithSaturation(requantizer.Apply(c), requantizer.Apply(d));
        ToBytes(lo, hi).StoreUnsafe(ref destination);
    }

    // Signed int16 to uint8 with saturation: clamp negatives to 0 first, then the unsigned
    // saturating narrow caps at 255.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ToBytes(Vector128<short> lo, Vector128<short> hi) =>
        Vector128.NarrowWithSaturation(
            Vector128.Max(lo, Vector128<short>.Zero).AsUInt16(),
            Vector128.Max(hi, Vector128<short>.Zero).AsUInt16());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ToBytes(Vector256<short> lo, Vector256<short> hi) =>
        Vector256.NarrowWithSaturation(
            Vector256.Max(lo, Vector256<short>.Zero).AsUInt16(),
            Vector256.Max(hi, Vector256<short>.Zero).AsUInt16());
}
