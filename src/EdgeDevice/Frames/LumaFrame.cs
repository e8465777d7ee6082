using ConvCore.Fixed.Planes;

namespace EdgeDevice.Frames;

/// <summary>
/// One 8-bit luminance frame in a buffer the producer owns and reuses. Valid until the
/// producer's next read; consumers that keep it must copy it.
/// </summary>
public sealed class LumaFrame
{
    private byte[] _buffer;

    public LumaFrame(int width, int height, int stride = 0)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Frame width must be at least 1.");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "Frame height must be at least 1.");
        }

        Width = width;
        Height = height;
        Stride = stride == 0 ? width : stride;
        _buffer = new byte[Stride * height];
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int Stride { get; private set; }

    /// <summary>Frame number from the source, starting at 0.</summary>
    public long Sequence { get; set; }

    /// <summary>Where the frame came from (a file name, "synthetic", a camera), for messages.</summary>
    public string Origin { get; set; } = string.Empty;

    public Span<byte> Pixels => _buffer.AsSpan(0, Stride * Height);

    public ReadOnlyPlane<byte> AsPlane() => new(_buffer, Width, Height, Stride);

    public Plane<byte> AsWritablePlane() => new(_buffer, Width, Height, Stride);

    /// <summary>
    /// Changes the frame size, reusing the buffer when it is large enough (so a source whose
    /// frames keep their size never allocates after the first).
    /// </summary>
    public void Resize(int width, int height)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Frame size {width}x{height} must be at least 1x1.");
        }

        if (_buffer.Length < width * height)
        {
            _buffer = new byte[width * height];
        }

        Width = width;
        Height = height;
        Stride = width;
    }
}
