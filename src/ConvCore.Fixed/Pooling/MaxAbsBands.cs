using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Max-abs pooling of int16 maps one band of cell rows at a time: first the column-wise
/// minimum and maximum over the band's rows (whole vectors, every column at once), then each
/// cell reduces its stretch of those two rows. The value of largest magnitude is the cell's
/// minimum or maximum; only when both +a and -a occur does order matter, and then the cell
/// is scanned for the first of the two. Gives exactly what the plain scan gives.
/// </summary>
internal static class MaxAbsBands
{
    /// <summary>Widest map pooled with stack scratch; wider ones use the per-cell reduction.</summary>
    public const int MaxWidth = 2048;

    public static void Pool(ReadOnlyPlane<short> input, Plane<short> output)
    {
        Span<short> low = stackalloc short[input.Width];
        Span<short> high = stackalloc short[input.Width];
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = PoolingGrid.CellStart(gy, input.Height, output.Height);
            int y1 = PoolingGrid.CellStart(gy + 1, input.Height, output.Height);
            input.Row(y0).CopyTo(low);
            input.Row(y0).CopyTo(high);
            for (int y = y0 + 1; y < y1; y++)
            {
                MinMaxInto(input.Row(y), low, high);
            }

            Span<short> outRow = output.Row(gy);
            for (int gx = 0; gx < output.Width; gx++)
            {
                int x0 = PoolingGrid.CellStart(gx, input.Width, output.Width);
                int x1 = PoolingGrid.CellStart(gx + 1, input.Width, output.Width);
                short min = short.MaxValue, max = short.MinValue;
                for (int x = x0; x < x1; x++)
                {
                    min = low[x] < min ? low[x] : min;
                    max = high[x] > max ? high[x] : max;
                }

                outRow[gx] = Choose(input, y0, y1, x0, x1, min, max);
            }
        }
    }

    /// <summary>The value of largest magnitude among min and max; on +a/-a the first in the cell.</summary>
    public static short Choose(ReadOnlyPlane<short> input, int y0, int y1, int x0, int x1, short min, short max)
    {
        int high = max, low = -min;
        if (high > low)
        {
            return max;
        }

        if (low > high || max == min)
        {
            return min;
        }

        for (int y = y0; y < y1; y++)
        {
            foreach (short v in input.Row(y)[x0..x1])
            {
                if (v == max || v == min)
                {
                    return v;
                }
            }
        }

        return max;
    }

    private static void MinMaxInto(ReadOnlySpan<short> row, Span<short> low, Span<short> high)
    {
        int i = 0;
        ref short r = ref MemoryMarshal.GetReference(row);
        ref short l = ref MemoryMarshal.GetReference(low);
        ref short h = ref MemoryMarshal.GetReference(high);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                Vector256<short> v = Vector256.LoadUnsafe(ref r, (nuint)i);
                Vector256.Min(Vector256.LoadUnsafe(ref l, (nuint)i), v).StoreUnsafe(ref l, (nuint)i);
                Vector256.Max(Vector256.LoadUnsafe(ref h, (nuint)i), v).StoreUnsafe(ref h, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector128<short>.Count; i += Vector128<short>.Count)
            {
                Vector128<short> v = Vector128.LoadUnsafe(ref r, (nuint)i);
                Vector128.Min(Vector128.LoadUnsafe(ref l, (nuint)i), v).StoreUnsafe(ref l, (nuint)i);
                Vector128.Max(Vector128.LoadUnsafe(ref h, (nuint)i), v).StoreUnsafe(ref h, (nuint)i);
            }
        }

        for (; i < row.Length; i++)
        {
            short v = row[i];
            low[i] = v < low[i] ? v : low[i];
            high[i] = v > high[i] ? v : high[i];
        }
    }
}
