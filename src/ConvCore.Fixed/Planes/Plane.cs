namespace ConvCore.Fixed.Planes;

/// <summary>
/// A writable view of a 2-D buffer: the output side of every core method. The caller owns
/// the span; the core only writes inside the <see cref="Width"/> x <see cref="Height"/>
/// rectangle and never touches the padding between rows.
/// </summary>
public readonly ref struct Plane<T> where T : unmanaged
{
    private readonly Span<T> _data;

    public Plane(Span<T> data, int width, int height, int stride)
    {
        PlaneShape.Validate(data.Length, width, height, stride, nameof(data));
        _data = data;
        Width = width;
        Height = height;
        Stride = stride;
    }

    /// <summary>A tightly packed plane (stride equals width).</summary>
    public Plane(Span<T> data, int width, int height)
        : this(data, width, height, width)
    {
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Distance in elements between the starts of two consecutive rows.</summary>
    public int Stride { get; }

    public Span<T> Data => _data;

    public ref T this[int y, int x] => ref _data[(y * Stride) + x];

    public Span<T> Row(int y) => _data.Slice(y * Stride, Width);

    public Plane<T> Slice(int x, int y, int width, int height)
    {
        PlaneShape.ValidateSlice(Width, Height, x, y, width, height);
        int start = (y * Stride) + x;
        int length = ((height - 1) * Stride) + width;
        return new Plane<T>(_data.Slice(start, length), width, height, Stride);
    }

    /// <summary>Sets every element of the rectangle (not the row padding) to <paramref name="value"/>.</summary>
    public void Fill(T value)
    {
        for (int y = 0; y < Height; y++)
        {
            Row(y).Fill(value);
        }
    }

    public ReadOnlyPlane<T> AsReadOnly() => new(_data, Width, Height, Stride);

    public static implicit operator ReadOnlyPlane<T>(Plane<T> plane) => plane.AsReadOnly();
}
