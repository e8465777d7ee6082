using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>The largest |v| of a feature map (for automatic gain), vectorised, allocation-free.</summary>
public static class PeakMagnitude
{
    /// <summary>max |v| over the plane, as an int (|short.MinValue| = 32768 fits).</summary>
    public static int Of(ReadOnlyPlane<short> plane)
    {
        short min = short.MaxValue, max = short.MinValue;
        for (int y = 0; y < plane.Height; y++)
        {
            ShortRange.Widen(plane.Row(y), ref min, ref max);
        }

        return Math.Max(Math.Abs((int)max), Math.Abs((int)min));
    }
}
