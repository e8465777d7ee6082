namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// The byte layout of one raw I420 (YUV 4:2:0 planar) frame as rpicam-vid writes it with
/// --codec yuv420: the Y plane (height rows of <see cref="Stride"/> bytes, the first
/// <see cref="Width"/> of each row are pixels, the rest padding), then U and V planes of
/// height/2 rows of stride/2 bytes. rpicam-vid writes libcamera's buffers as they are, so the
/// stride is whatever the ISP chose; it is reported to be the width rounded up to 64 bytes on
/// the Pi 4 and Pi 5 ISPs (unverified here: widths that are multiples of 64, like 320 or 640,
/// have no padding either way, and <see cref="Stride"/> can be set explicitly).
/// </summary>
public readonly record struct I420Layout
{
    public const int DefaultRowAlignment = 64;

    public I420Layout(int width, int height, int stride = 0)
    {
        if (width < 2 || (width & 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "An I420 frame width must be even and at least 2.");
        }

        if (height < 2 || (height & 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "An I420 frame height must be even and at least 2.");
        }

        int actual = stride == 0 ? AlignUp(width, DefaultRowAlignment) : stride;
        if (actual < width || (actual & 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"The row stride must be 0 (automatic) or an even number of bytes at least the width {width}.");
        }

        Width = width;
        Height = height;
        Stride = actual;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes from one Y row to the next.</summary>
    public int Stride { get; }

    /// <summary>The Y plane plus the two quarter-size chroma planes.</summary>
    public int FrameBytes => checked(Stride * Height * 3 / 2);

    public static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    /// <summary>Copies the visible part of each Y row (dropping the padding) into a tightly packed plane.</summary>
    public void CopyLuma(ReadOnlySpan<byte> frame, Span<byte> luma)
    {
        if (frame.Length < FrameBytes)
        {
            throw new ArgumentException($"An I420 frame of {Width}x{Height} (stride {Stride}) has {FrameBytes} bytes, not {frame.Length}.", nameof(frame));
        }

        if (luma.Length < Width * Height)
        {
            throw new ArgumentException($"The luminance plane needs {Width * Height} bytes, not {luma.Length}.", nameof(luma));
        }

        for (int y = 0; y < Height; y++)
        {
            frame.Slice(y * Stride, Width).CopyTo(luma.Slice(y * Width, Width));
        }
    }
}
