using System.Numerics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Shrinks a feature map to a small grid (an LED matrix): each output cell summarises the
/// input rectangle rows [floor(gy H / h), floor((gy + 1) H / h)) x columns
/// [floor(gx W / w), floor((gx + 1) W / w)), so any ratio works, not only integer ones.
/// Exact integer arithmetic, allocates nothing.
/// </summary>
public static class GridPooling
{
    /// <summary>
    /// Each output cell takes the input value of largest magnitude in its cell, sign kept
    /// (a strong negative edge stays negative). Ties go to the first in row-major order.
    /// </summary>
    public static void MaxAbs(ReadOnlyPlane<short> input, Plane<short> output)
    {
        if (input.Width <= MaxAbsBands.MaxWidth)
        {
            PoolingGrid.ValidateShrink(input.Width, input.Height, output.Width, output.Height, nameof(output));
            MaxAbsBands.Pool(input, output);
        }
        else
        {
            Pool(input, output, default(MaxAbsInt16Cell));
        }
    }

    /// <inheritdoc cref="MaxAbs(ReadOnlyPlane{short}, Plane{short})"/>
    public static void MaxAbs(ReadOnlyPlane<int> input, Plane<int> output) => Pool(input, output, default(MaxAbsCell<int>));

    /// <summary>
    /// Each output cell is the mean of its cell, rounded half to even. The sum is exact (a
    /// long) and the mean of values of one type always fits that type.
    /// </summary>
    public static void Average(ReadOnlyPlane<short> input, Plane<short> output) => Pool(input, output, default(MeanCell<short>));

    /// <inheritdoc cref="Average(ReadOnlyPlane{short}, Plane{short})"/>
    public static void Average(ReadOnlyPlane<int> input, Plane<int> output) => Pool(input, output, default(MeanCell<int>));

    /// <summary>The one grid walk every pooling shares; <typeparamref name="TCell"/> says what a cell becomes.</summary>
    private static void Pool<T, TCell>(ReadOnlyPlane<T> input, Plane<T> output, TCell cell)
        where T : unmanaged, IBinaryInteger<T>
        where TCell : struct, IPoolingCell<T>
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
                outRow[gx] = cell.Summarise(input, y0, y1, x0, x1);
            }
        }
    }
}
