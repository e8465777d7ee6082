namespace EdgeDevice.Display;

/// <summary>
/// What an LED matrix shows: W x H colours, row-major, (0, 0) top-left as the viewer sees
/// it. Displays apply their own rotation and wiring order when they send it.
/// </summary>
public sealed class LedFrame
{
    private readonly Rgb[] _pixels;

    public LedFrame(int width, int height)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"An LED frame must be at least 1x1, not {width}x{height}.");
        }

        Width = width;
        Height = height;
        _pixels = new Rgb[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public Span<Rgb> Pixels => _pixels;

    public ref Rgb this[int x, int y] => ref _pixels[(y * Width) + x];

    public void Clear() => Array.Clear(_pixels);

    public void CopyTo(LedFrame other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException($"Cannot copy a {Width}x{Height} frame into a {other.Width}x{other.Height} one.", nameof(other));
        }

        _pixels.CopyTo(other._pixels, 0);
    }
}
