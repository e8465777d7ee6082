using Iot.Device.LEDMatrix;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// <see cref="IRgbMatrixCanvas"/> over the binding's RGBLedMatrix. Rendering starts at once,
/// because RGBLedMatrix.SwapBuffers spins until the render thread takes the buffer: a swap
/// without a running renderer would never return. RGBLedMatrix has Dispose but is not
/// IDisposable, so this wrapper is what the display disposes.
/// </summary>
public sealed class RgbLedMatrixCanvas : IRgbMatrixCanvas
{
    private readonly RGBLedMatrix _matrix;
    private bool _disposed;

    public RgbLedMatrixCanvas(PinMapping mapping, int width, int height, int chainRows = 1, int chainColumns = 1)
    {
        _matrix = new RGBLedMatrix(mapping, width, height, chainRows, chainColumns);
        _matrix.StartRendering();
    }

    public int Width => _matrix.Width;

    public int Height => _matrix.Height;

    public void SetBackBufferPixel(int x, int y, byte red, byte green, byte blue) => _matrix.SetBackBufferPixel(x, y, red, green, blue);

    public void SwapBuffers() => _matrix.SwapBuffers();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Dispose stops the render thread, waits for it and closes the GPIO controller.
        _matrix.Dispose();
    }
}
