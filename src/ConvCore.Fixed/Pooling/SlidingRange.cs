using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Turns a row of column minima and maxima into minima and maxima of windows of a power-of-two
/// span, in place, by doubling (a level of a sparse table): after <see cref="Widen"/>,
/// low[x] = min(low[x .. x + span)) of the original values. A run [x0, x1) with
/// span &lt;= x1 - x0 &lt;= 2 span is then covered by the two windows at x0 and x1 - span, so
/// its minimum is min(low[x0], low[x1 - span]): every cell of a band costs two loads, whatever
/// its width and wherever its boundaries fall. Min and max are order-free and idempotent, so
/// the vector and scalar paths give the same values.
/// </summary>
internal static class SlidingRange
{
    /// <summary>
    /// Widens the windows of the first <paramref name="length"/> values of both spans from 1 to
    /// <paramref name="span"/> (a power of two, at most <paramref name="length"/>). Positions
    /// [0, length - span] hold the result; the ones after them are left in some partial state.
    /// </summary>
    public static void Widen(Span<short> low, Span<short> high, int length, int span)
    {
        if (length > low.Length || length > high.Length || span < 1 || span > length || (span & (span - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"The span {span} must be a power of two no larger than the length {length}, which the buffers ({low.Length} and {high.Length}) must hold.");
        }

        int count = length;
        for (int step = 1; step < span; step *= 2)
        {
            count -= step; // windows of 2 step that still fit
            Double(low, high, count, step);
        }
    }

    /// <summary>v[x] = op(v[x], v[x + step]) for x in [0, count), going forwards so every read sees an original value.</summary>
    private static void Double(Span<short> low, Span<short> high, int count, int step)
    {
        ref short l = ref MemoryMarshal.GetReference(low);
        ref short h = ref MemoryMarshal.GetReference(high);
        int x = 0;
        if (Vector256.IsHardwareAccelerated && count >= Vector256<short>.Count)
        {
            // The last whole vector is computed first, while its inputs are untouched, and
            // stored last; the loop before it may then run past its start.
            nuint last = (nuint)(count - Vector256<short>.Count), far = last + (nuint)step;
            Vector256<short> lastLow = Vector256.Min(Vector256.LoadUnsafe(ref l, last), Vector256.LoadUnsafe(ref l, far));
            Vector256<short> lastHigh = Vector256.Max(Vector256.LoadUnsafe(ref h, last), Vector256.LoadUnsafe(ref h, far));
            for (nuint i = 0; i < last; i += (nuint)Vector256<short>.Count)
            {
                nuint j = i + (nuint)step;
                Vector256.Min(Vector256.LoadUnsafe(ref l, i), Vector256.LoadUnsafe(ref l, j)).StoreUnsafe(ref l, i);
                Vector256.Max(Vector256.LoadUnsafe(ref h, i), Vector256.LoadUnsafe(ref h, j)).StoreUnsafe(ref h, i);
            }

            lastLow.StoreUnsafe(ref l, last);
            lastHigh.StoreUnsafe(ref h, last);
            return;
        }

        if (Vector128.IsHardwareAccelerated && count >= Vector128<short>.Count)
        {
            nuint last = (nuint)(count - Vector128<short>.Count), far = last + (nuint)step;
            Vector128<short> lastLow = Vector128.Min(Vector128.LoadUnsafe(ref l, last), Vector128.LoadUnsafe(ref l, far));
            Vector128<short> lastHigh = Vector128.Max(Vector128.LoadUnsafe(ref h, last), Vector128.LoadUnsafe(ref h, far));
            for (nuint i = 0; i < last; i += (nuint)Vector128<short>.Count)
            {
                nuint j = i + (nuint)step;
                Vector128.Min(Vector128.LoadUnsafe(ref l, i), Vector128.LoadUnsafe(ref l, j)).StoreUnsafe(ref l, i);
                Vector128.Max(Vector128.LoadUnsafe(ref h, i), Vector128.LoadUnsafe(ref h, j)).StoreUnsafe(ref h, i);
            }

            lastLow.StoreUnsafe(ref l, last);
            lastHigh.StoreUnsafe(ref h, last);
            return;
        }

        for (; x < count; x++)
        {
            short a = low[x + step], b = high[x + step];
            low[x] = a < low[x] ? a : low[x];
            high[x] = b > high[x] ? b : high[x];
        }
    }
}
