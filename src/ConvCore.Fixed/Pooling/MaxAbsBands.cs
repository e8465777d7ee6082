using System.Numerics;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Max-abs pooling of int16 maps one band of cell rows at a time, all in vector passes but the
/// rare ties: the column-wise minimum and maximum over the band's rows (<see cref="BandColumns"/>);
/// each cell's minimum and maximum of those, either eight cells at a time
/// (<see cref="CellColumns"/>, cells at least a vector wide) or from two overlapping windows of
/// a power-of-two span (<see cref="SlidingRange"/>, narrower cells); then the one of the two of
/// larger magnitude (<see cref="SignedPeak"/>). Only when a cell holds both +a and -a does order
/// matter, and then the cell is searched for the first of the two. Gives exactly what the plain
/// scan (<see cref="MaxAbsCell{T}"/>) gives.
/// </summary>
internal static class MaxAbsBands
{
    /// <summary>Widest map pooled with stack scratch; wider ones use the per-cell reduction.</summary>
    public const int MaxWidth = 2048;

    public static void Pool(ReadOnlyPlane<short> input, Plane<short> output)
    {
        int width = input.Width, gridWidth = output.Width;
        Span<short> low = stackalloc short[width];
        Span<short> high = stackalloc short[width];
        Span<int> starts = stackalloc int[gridWidth + 1];

        // The column boundaries are the same for every band: divide once per call, not per cell.
        for (int gx = 0; gx <= gridWidth; gx++)
        {
            starts[gx] = PoolingGrid.CellStart(gx, width, gridWidth);
        }

        // Cell widths are floor(W / w) or one more. Cells at least a vector wide reduce their
        // columns with vectors; narrower ones read two overlapping windows of one span, which
        // serves every cell: span <= narrowest <= widest <= narrowest + 1 <= 2 span.
        int narrowest = width / gridWidth;
        bool vectorCells = Vector128.IsHardwareAccelerated && narrowest >= CellColumns.MinimumWidth;
        int span = 1 << BitOperations.Log2((uint)narrowest);
        Span<short> cellMin = stackalloc short[gridWidth];
        Span<short> cellMax = stackalloc short[gridWidth];
        int y1 = 0;
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = y1;
            y1 = PoolingGrid.CellStart(gy + 1, input.Height, output.Height);
            BandColumns.MinMax(input, y0, y1, low, high);
            if (vectorCells)
            {
                CellColumns.Reduce(low, high, starts, cellMin, cellMax);
            }
            else
            {
                SlidingRange.Widen(low, high, width, span);
                for (int gx = 0; gx < gridWidth; gx++)
                {
                    int x0 = starts[gx], x1 = starts[gx + 1] - span;
                    cellMin[gx] = (short)Lesser(low[x0], low[x1]);
                    cellMax[gx] = (short)Greater(high[x0], high[x1]);
                }
            }

            Span<short> outRow = output.Row(gy);
            if (SignedPeak.Pick(cellMin, cellMax, outRow, gridWidth))
            {
                for (int gx = 0; gx < gridWidth; gx++)
                {
                    if (SignedPeak.IsTie(cellMin[gx], cellMax[gx]))
                    {
                        outRow[gx] = FirstOf(input, y0, y1, starts[gx], starts[gx + 1], cellMax[gx], cellMin[gx]);
                    }
                }
            }
        }
    }

    /// <summary>min(a, b) without a branch (the compiler keeps ternaries in loops as jumps).</summary>
    private static int Lesser(int a, int b)
    {
        int d = a - b;
        return b + (d & (d >> 31));
    }

    /// <summary>max(a, b) without a branch.</summary>
    private static int Greater(int a, int b)
    {
        int d = a - b;
        return a - (d & (d >> 31));
    }

    /// <summary>The value of largest magnitude among min and max; on +a/-a the first in the cell.</summary>
    public static short Choose(ReadOnlyPlane<short> input, int y0, int y1, int x0, int x1, short min, short max)
    {
        // Widened to int: -short.MinValue does not fit a short. Written as a plain select so
        // the compiler can avoid a branch (on feature maps the winner's sign is random).
        int high = max, low = -min;
        short pick = high > low ? max : min;
        return high != low || max == min ? pick : FirstOf(input, y0, y1, x0, x1, max, min);
    }

    /// <summary>The first of a or b in the cell in row-major order (one of them is in it).</summary>
    private static short FirstOf(ReadOnlyPlane<short> input, int y0, int y1, int x0, int x1, short a, short b)
    {
        for (int y = y0; y < y1; y++)
        {
            ReadOnlySpan<short> row = input.Row(y)[x0..x1];
            int i = row.IndexOfAny(a, b); // vectorised by the runtime where the machine allows
            if (i >= 0)
            {
                return row[i];
            }
        }

        return a;
    }
}
