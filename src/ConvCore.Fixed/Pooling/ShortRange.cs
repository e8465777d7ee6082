using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// The smallest and largest int16 of a span, with Vector256/Vector128 where accelerated and
/// a scalar tail. Min and max are order-free, so the vector and scalar answers are the same
/// by construction; callers that need "the first of equals" decide ties themselves.
/// </summary>
internal static class ShortRange
{
    public static void Widen(ReadOnlySpan<short> span, ref short min, ref short max)
    {
        int i = 0;
        ref short start = ref MemoryMarshal.GetReference(span);
        if (Vector256.IsHardwareAccelerated && span.Length >= Vector256<short>.Count)
        {
            Vector256<short> lo = Vector256.Create(min), hi = Vector256.Create(max);
            for (; i <= span.Length - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                Vector256<short> v = Vector256.LoadUnsafe(ref start, (nuint)i);
                lo = Vector256.Min(lo, v);
                hi = Vector256.Max(hi, v);
            }

            min = Fold(Vector128.Min(lo.GetLower(), lo.GetUpper()), min, isMin: true);
            max = Fold(Vector128.Max(hi.GetLower(), hi.GetUpper()), max, isMin: false);
        }
        else if (Vector128.IsHardwareAccelerated && span.Length >= Vector128<short>.Count)
        {
            Vector128<short> lo = Vector128.Create(min), hi = Vector128.Create(max);
            for (; i <= span.Length - Vector128<short>.Count; i += Vector128<short>.Count)
            {
                Vector128<short> v = Vector128.LoadUnsafe(ref start, (nuint)i);
                lo = Vector128.Min(lo, v);
                hi = Vector128.Max(hi, v);
            }

            min = Fold(lo, min, isMin: true);
            max = Fold(hi, max, isMin: false);
        }

        for (; i < span.Length; i++)
        {
            short v = span[i];
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
    }

    private static short Fold(Vector128<short> v, short seed, bool isMin)
    {
        short r = seed;
        for (int k = 0; k < Vector128<short>.Count; k++)
        {
            short e = v.GetElement(k);
            r = isMin ? (e < r ? e : r) : (e > r ? e : r);
        }

        return r;
    }
}
