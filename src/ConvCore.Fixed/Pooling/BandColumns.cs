using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// The column-wise minimum and maximum over a band of rows of an int16 map. The vector paths
/// walk strips of columns down the band, keeping the running minimum and maximum in
/// registers, and store each strip once; the last strip overlaps the one before it when the
/// width is not a whole number of vectors (min and max do not mind seeing a column twice).
/// Min and max are order-free, so every path gives the scalar answer.
/// </summary>
internal static class BandColumns
{
    /// <summary>
    /// low[x] = min and high[x] = max of input[y, x] over rows [y0, y1), for every column x.
    /// Both spans need at least input.Width elements; the band must not be empty.
    /// </summary>
    public static void MinMax(ReadOnlyPlane<short> input, int y0, int y1, Span<short> low, Span<short> high)
    {
        int width = input.Width;
        if (y0 < 0 || y1 > input.Height || y0 >= y1)
        {
            throw new ArgumentOutOfRangeException(nameof(y1), $"The band [{y0}, {y1}) must be a non-empty range of the input's {input.Height} rows.");
        }

        if (low.Length < width || high.Length < width)
        {
            throw new ArgumentException($"The column buffers hold {Math.Min(low.Length, high.Length)} values but the input is {width} wide.", nameof(low));
        }

        if (Vector256.IsHardwareAccelerated && width >= Vector256<short>.Count)
        {
            Strips256(input, y0, y1, low, high);
        }
        else if (Vector128.IsHardwareAccelerated && width >= Vector128<short>.Count)
        {
            Strips128(input, y0, y1, low, high);
        }
        else
        {
            Rows(input, y0, y1, low, high);
        }
    }

    private static void Strips256(ReadOnlyPlane<short> input, int y0, int y1, Span<short> low, Span<short> high)
    {
        const int n = 16; // Vector256<short>.Count
        int width = input.Width;
        nuint stride = (nuint)input.Stride;
        nuint first = (nuint)y0 * stride, end = (nuint)y1 * stride;
        ref short data = ref MemoryMarshal.GetReference(input.Data);
        ref short l = ref MemoryMarshal.GetReference(low);
        ref short h = ref MemoryMarshal.GetReference(high);
        int x = 0;

        // Two vectors per strip: two independent min/max chains per row hide the latency.
        for (; x <= width - (2 * n); x += 2 * n)
        {
            nuint at = first + (nuint)x;
            Vector256<short> a = Vector256.LoadUnsafe(ref data, at), b = Vector256.LoadUnsafe(ref data, at + n);
            Vector256<short> loA = a, hiA = a, loB = b, hiB = b;
            for (at += stride; at < end + (nuint)x; at += stride)
            {
                a = Vector256.LoadUnsafe(ref data, at);
                b = Vector256.LoadUnsafe(ref data, at + n);
                loA = Vector256.Min(loA, a);
                hiA = Vector256.Max(hiA, a);
                loB = Vector256.Min(loB, b);
                hiB = Vector256.Max(hiB, b);
            }

            loA.StoreUnsafe(ref l, (nuint)x);
            hiA.StoreUnsafe(ref h, (nuint)x);
            loB.StoreUnsafe(ref l, (nuint)(x + n));
            hiB.StoreUnsafe(ref h, (nuint)(x + n));
        }

        for (; x < width; x += n)
        {
            x = Math.Min(x, width - n); // the last strip may overlap the previous one
            nuint at = first + (nuint)x;
            Vector256<short> lo = Vector256.LoadUnsafe(ref data, at), hi = lo;
            for (at += stride; at < end + (nuint)x; at += stride)
            {
                Vector256<short> v = Vector256.LoadUnsafe(ref data, at);
                lo = Vector256.Min(lo, v);
                hi = Vector256.Max(hi, v);
            }

            lo.StoreUnsafe(ref l, (nuint)x);
            hi.StoreUnsafe(ref h, (nuint)x);
        }
    }

    private static void Strips128(ReadOnlyPlane<short> input, int y0, int y1, Span<short> low, Span<short> high)
    {
        const int n = 8; // Vector128<short>.Count
        int width = input.Width;
        nuint stride = (nuint)input.Stride;
        nuint first = (nuint)y0 * stride, end = (nuint)y1 * stride;
        ref short data = ref MemoryMarshal.GetReference(input.Data);
        ref short l = ref MemoryMarshal.GetReference(low);
        ref short h = ref MemoryMarshal.GetReference(high);
        int x = 0;
        for (; x <= width - (2 * n); x += 2 * n)
        {
            nuint at = first + (nuint)x;
            Vector128<short> a = Vector128.LoadUnsafe(ref data, at), b = Vector128.LoadUnsafe(ref data, at + n);
            Vector128<short> loA = a, hiA = a, loB = b, hiB = b;
            for (at += stride; at < end + (nuint)x; at += stride)
            {
                a = Vector128.LoadUnsafe(ref data, at);
                b = Vector128.LoadUnsafe(ref data, at + n);
                loA = Vector128.Min(loA, a);
                hiA = Vector128.Max(hiA, a);
                loB = Vector128.Min(loB, b);
                hiB = Vector128.Max(hiB, b);
            }

            loA.StoreUnsafe(ref l, (nuint)x);
            hiA.StoreUnsafe(ref h, (nuint)x);
            loB.StoreUnsafe(ref l, (nuint)(x + n));
            hiB.StoreUnsafe(ref h, (nuint)(x + n));
        }

        for (; x < width; x += n)
        {
            x = Math.Min(x, width - n);
            nuint at = first + (nuint)x;
            Vector128<short> lo = Vector128.LoadUnsafe(ref data, at), hi = lo;
            for (at += stride; at < end + (nuint)x; at += stride)
            {
                Vector128<short> v = Vector128.LoadUnsafe(ref data, at);
                lo = Vector128.Min(lo, v);
                hi = Vector128.Max(hi, v);
            }

            lo.StoreUnsafe(ref l, (nuint)x);
            hi.StoreUnsafe(ref h, (nuint)x);
        }
    }

    /// <summary>The scalar form, row by row (also the specification the vector paths are tested against).</summary>
    private static void Rows(ReadOnlyPlane<short> input, int y0, int y1, Span<short> low, Span<short> high)
    {
        int width = input.Width;
        input.Row(y0).CopyTo(low);
        input.Row(y0).CopyTo(high);
        for (int y = y0 + 1; y < y1; y++)
        {
            ReadOnlySpan<short> row = input.Row(y);
            for (int x = 0; x < width; x++)
            {
                short v = row[x];
                low[x] = v < low[x] ? v : low[x];
                high[x] = v > high[x] ? v : high[x];
            }
        }
    }
}
