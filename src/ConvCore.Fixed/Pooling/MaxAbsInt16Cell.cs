using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// The int16 max-abs cell from the cell's minimum and maximum (vectorised): the value of
/// largest magnitude is one of them. Only when both +a and -a occur does the order matter
/// ("the first of equals wins"), and then the cell is scanned for the first of the two.
/// Gives exactly what <see cref="MaxAbsCell{T}"/> gives.
/// </summary>
internal readonly struct MaxAbsInt16Cell : IPoolingCell<short>
{
    public short Summarise(ReadOnlyPlane<short> input, int y0, int y1, int x0, int x1)
    {
        short min = short.MaxValue, max = short.MinValue;
        for (int y = y0; y < y1; y++)
        {
            ShortRange.Widen(input.Row(y)[x0..x1], ref min, ref max);
        }

        return MaxAbsBands.Choose(input, y0, y1, x0, x1, min, max);
    }
}
