namespace EdgeDevice.Display;

/// <summary>--display none: accepts frames of its size and shows nothing (for scripts and benchmarks).</summary>
public sealed class NullDisplay(DisplayCapabilities capabilities) : IDisplay
{
    public string Name => $"none {Capabilities.Width}x{Capabilities.Height}";

    public DisplayCapabilities Capabilities { get; } = capabilities ?? throw new ArgumentNullException(nameof(capabilities));

    /// <summary>Frames shown so far (lets a test or a status line see the loop ran).</summary>
    public long FramesShown { get; private set; }

    public void Show(LedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FramesShown++;
    }

    public void Blank()
    {
    }

    public void Dispose()
    {
    }
}
