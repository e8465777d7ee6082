using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// The int16-lane half of a sink that only knows int32 lanes: widen the 16 or 32 pixels to
/// int32 (exact) and hand them to the sink's int32 store. Generic over the sink struct, so it
/// is compiled per sink and inlines as if written in it.
/// </summary>
internal static class VectorSinkWidening
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut, TSink>(in TSink sink, Vector128<short> lo, Vector128<short> hi, ref TOut destination)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        (Vector128<int> a, Vector128<int> b) = Vector128.Widen(lo);
        (Vector128<int> c, Vector128<int> d) = Vector128.Widen(hi);
        sink.Store(a, b, c, d, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut, TSink>(in TSink sink, Vector256<short> lo, Vector256<short> hi, ref TOut destination)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        (Vector256<int> a, Vector256<int> b) = Vector256.Widen(lo);
        (Vector256<int> c, Vector256<int> d) = Vector256.Widen(hi);
        sink.Store(a, b, c, d, ref destination);
    }
}
