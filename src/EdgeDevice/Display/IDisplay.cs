namespace EdgeDevice.Display;

/// <summary>
/// An LED matrix, real or simulated. The pipeline renders an <see cref="LedFrame"/> of the
/// display's size; the display maps it to its wiring and sends it as one frame.
/// </summary>
public interface IDisplay : IDisposable
{
    /// <summary>A short name for logs, e.g. "terminal 8x8".</summary>
    string Name { get; }

    DisplayCapabilities Capabilities { get; }

    /// <summary>Shows one frame (the display may keep a reference only until it returns).</summary>
    void Show(LedFrame frame);

    /// <summary>Turns every LED off: called on stop so a dead program leaves no stale picture.</summary>
    void Blank();
}
