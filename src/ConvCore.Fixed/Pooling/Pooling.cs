using System.Numerics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Shrinks a feature map to a small grid (an LED matrix): each output cell summarises the
/// input rectangle rows [floor(gy H / h), floor((gy + 1) H / h)) x columns
/// [floor(gx W / w), floor((gx + 1) W / w)), so any ratio works, not only integer ones.
/// Exact integer arithmetic, allocates nothing.
/// </summary>
public static class Pooling
{
    /// <summary>
    /// Each output cell takes the input value of largest magnitude in its cell, sign kept
    /// (a strong negative edge stays negative). Ties go to the first in row-major order.
    /// </summary>
    public static void MaxAbs(ReadOnlyPlane<short> input, Plane<short> output) => MaxAbsCore(input, output);

    /// <inheritdoc cref="MaxAbs(ReadOnlyPlane{short}, Plane{short})"/>
    public static void MaxAbs(ReadOnlyPlane<int> input, Plane<int> output) => MaxAbsCore(input, output);

    /// <summary>
    /// Each output cell is the mean of its cell, rounded half to even. The sum is exact (a
    /// long) and the mean of values of one type always fits that type.
    /// </summary>
    public static void Average(ReadOnlyPlane<short> input, Plane<short> output) => AverageCore(input, output);

    /// <inheritdoc cref="Average(ReadOnlyPlane{short}, Plane{short})"/>
    public static void Average(ReadOnlyPlane<int> input, Plane<int> output) => AverageCore(input, output);

    private static void MaxAbsCore<T>(ReadOnlyPlane<T> input, Plane<T> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        PoolingGrid.ValidateShrink(input.Width, input.Height, output.Width, output.Height, nameof(output));
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = PoolingGrid.CellStart(gy, input.Height, output.Height);
            int y1 = PoolingGrid.CellStart(gy + 1, input.Height, output.Height);
            Span<T> outRow = output.Row(gy);
            for (int gx = 0; gx < output.Width; gx++)
            {
                int x0 = PoolingGrid.CellStart(gx, input.Width, output.Width);
                int x1 = PoolingGrid.CellStart(gx + 1, input.Width, output.Width);
                T best = input[y0, x0];
                long bestMagnitude = Magnitude(best);
                for (int y = y0; y < y1; y++)
                {
                    ReadOnlySpan<T> cell = input.Row(y)[x0..x1];
                    foreach (T v in cell)
                    {
                        long m = Magnitude(v);
                        if (m > bestMagnitude) // strictly greater: the first of equals wins
                        {
                            bestMagnitude = m;
                            best = v;
                        }
                    }
                }

                outRow[gx] = best;
            }
        }
    }

    /// <summary>
    /// |v| as a long (|int.MinValue| fits), without a branch: feature-map signs are random,
    /// so Math.Abs's sign test would be mispredicted about half the time.
    /// </summary>
    private static long Magnitude<T>(T v)
        where T : unmanaged, IBinaryInteger<T>
    {
        long x = long.CreateTruncating(v);
        long sign = x >> 63;
        return (x ^ sign) - sign;
    }

    private static void AverageCore<T>(ReadOnlyPlane<T> input, Plane<T> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        PoolingGrid.ValidateShrink(input.Width, input.Height, output.Width, output.Height, nameof(output));
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = PoolingGrid.CellStart(gy, input.Height, output.Height);
            int y1 = PoolingGrid.CellStart(gy + 1, input.Height, output.Height);
            Span<T> outRow = output.Row(gy);
            for (int gx = 0; gx < output.Width; gx++)
            {
                int x0 = PoolingGrid.CellStart(gx, input.Width, output.Width);
                int x1 = PoolingGrid.CellStart(gx + 1, input.Width, output.Width);
                long sum = 0;
                for (int y = y0; y < y1; y++)
                {
                    foreach (T v in input.Row(y)[x0..x1])
                    {
                        sum += long.CreateTruncating(v);
                    }
                }

                long count = (long)(y1 - y0) * (x1 - x0);
                outRow[gx] = T.CreateTruncating(IntegerDivision.RoundHalfEven(sum, count));
            }
        }
    }
}
