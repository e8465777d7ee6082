using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>A HUB75 canvas that keeps its back and front buffers as arrays and counts swaps.</summary>
public sealed class RecordingCanvas(int width, int height) : IRgbMatrixCanvas
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public Rgb[] Back { get; private set; } = new Rgb[width * height];

    public Rgb[] Front { get; private set; } = new Rgb[width * height];

    public int Swaps { get; private set; }

    public int PixelWrites { get; private set; }

    public bool Disposed { get; private set; }

    public void SetBackBufferPixel(int x, int y, byte red, byte green, byte blue)
    {
        Assert.InRange(x, 0, Width - 1);
        Assert.InRange(y, 0, Height - 1);
        Back[(y * Width) + x] = new Rgb(red, green, blue);
        PixelWrites++;
    }

    public void SwapBuffers()
    {
        (Back, Front) = (Front, Back);
        Swaps++;
    }

    public void Dispose() => Disposed = true;
}
