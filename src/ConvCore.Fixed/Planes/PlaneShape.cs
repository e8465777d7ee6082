namespace ConvCore.Fixed.Planes;

/// <summary>Argument checks shared by the plane views; messages name the wrong dimension.</summary>
internal static class PlaneShape
{
    public static void Validate(int length, int width, int height, int stride, string dataName)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Plane width must be at least 1.");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "Plane height must be at least 1.");
        }

        if (stride < width)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"Plane stride ({stride}) must be at least the width ({width}).");
        }

        long needed = ((long)(height - 1) * stride) + width;
        if (length < needed)
        {
            throw new ArgumentException(
                $"Plane buffer holds {length} elements but a {width}x{height} plane with stride {stride} needs {needed}.",
                dataName);
        }
    }

    public static void ValidateSlice(int planeWidth, int planeHeight, int x, int y, int width, int height)
    {
        if (x < 0 || width < 1 || x + width > planeWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Slice columns {x}..{x + width - 1} lie outside a plane of width {planeWidth}.");
        }

        if (y < 0 || height < 1 || y + height > planeHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"Slice rows {y}..{y + height - 1} lie outside a plane of height {planeHeight}.");
        }
    }
}
