namespace ConvCore.Fixed.Planes;

/// <summary>
/// A read-only view of a 2-D buffer of pixels or feature values: width, height and a row
/// stride (in elements) over a span the caller owns. Creating a view never copies.
/// </summary>
/// <remarks>
/// Row <c>y</c> starts at <c>y * Stride</c>; the last row only needs <see cref="Width"/>
/// elements, so a view over a sub-rectangle of a larger buffer is legal.
/// </remarks>
public readonly ref struct ReadOnlyPlane<T> where T : unmanaged
{
    private readonly ReadOnlySpan<T> _data;

    public ReadOnlyPlane(ReadOnlySpan<T> data, int width, int height, int stride)
    {
        PlaneShape.Validate(data.Length, width, height, stride, nameof(data));
        _data = data;
        Width = width;
        Height = height;
        Stride = stride;
    }

    /// <summary>A tightly packed plane (stride equals width).</summary>
    public ReadOnlyPlane(ReadOnlySpan<T> data, int width, int height)
        : this(data, width, height, width)
    {
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Distance in elements between the starts of two consecutive rows.</summary>
    public int Stride { get; }

    /// <summary>The underlying span, starting at (0, 0).</summary>
    public ReadOnlySpan<T> Data => _data;

    public T this[int y, int x] => _data[(y * Stride) + x];

    /// <summary>The <see cref="Width"/> elements of row <paramref name="y"/>.</summary>
    public ReadOnlySpan<T> Row(int y) => _data.Slice(y * Stride, Width);

    /// <summary>A view of the rectangle at (x, y) of the given size, sharing this buffer.</summary>
    public ReadOnlyPlane<T> Slice(int x, int y, int width, int height)
    {
        PlaneShape.ValidateSlice(Width, Height, x, y, width, height);
        int start = (y * Stride) + x;
        int length = ((height - 1) * Stride) + width;
        return new ReadOnlyPlane<T>(_data.Slice(start, length), width, height, Stride);
    }
}
