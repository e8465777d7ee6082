namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The part of a double-buffered HUB75 driver the display uses: draw into the back buffer,
/// then swap at the frame boundary. The seam lets tests see what the program hands the
/// driver without its GPIO render thread.
/// </summary>
public interface IRgbMatrixCanvas : IDisposable
{
    int Width { get; }

    int Height { get; }

    void SetBackBufferPixel(int x, int y, byte red, byte green, byte blue);

    /// <summary>Shows the back buffer (returns once the render thread has taken it).</summary>
    void SwapBuffers();
}
