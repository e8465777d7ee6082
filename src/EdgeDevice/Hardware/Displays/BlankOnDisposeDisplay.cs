using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The life cycle every hardware display shares: Dispose turns the LEDs off once, so a stopped
/// program leaves no stale picture lit, and then releases the bus, device file or driver even
/// when blanking fails, so a board that vanished mid-run still gives its handle back.
/// </summary>
public abstract class BlankOnDisposeDisplay : IDisplay
{
    private bool _disposed;

    public abstract string Name { get; }

    public abstract DisplayCapabilities Capabilities { get; }

    public abstract void Show(LedFrame frame);

    public abstract void Blank();

    /// <summary>Blanks, then releases the hardware; later calls do nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Blank();
        }
        finally
        {
            ReleaseHardware();
        }
    }

    /// <summary>Closes what the display drives; called once, after the last <see cref="Blank"/>.</summary>
    protected abstract void ReleaseHardware();
}
