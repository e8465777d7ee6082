using System.Globalization;
using EdgeDevice.Display;

namespace EdgeDevice.Rendering;

/// <summary>
/// A simulated display that writes pictures of the LEDs, one PNG per frame or every Nth
/// frame, named "{prefix}-{frame number:D6}.png" in a folder. The folder is created and
/// checked for writing when the display is made, so a bad --out fails before the run starts.
/// </summary>
/// <remarks>
/// The frame is turned by the capabilities' rotation first, like every display. Blank writes
/// nothing: a picture of dark LEDs at the end of a run would only hide the last real frame.
/// </remarks>
public sealed class PngSequenceDisplay : IDisplay
{
    private readonly LedPictureRenderer _renderer;
    private readonly LedFrame _rotated;
    private readonly int _everyNth;
    private readonly string _prefix;
    private long _shown;

    public PngSequenceDisplay(string folder, DisplayCapabilities capabilities, int everyNth = 1, LedPictureRenderer? renderer = null, string prefix = "led")
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        DisplayCapabilities.ValidateRotation(capabilities.Rotation);
        if (everyNth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyNth), everyNth, "everyNth must be at least 1 (1 writes every frame).");
        }

        if (string.IsNullOrWhiteSpace(prefix) || prefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || prefix.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"File prefix '{prefix}' must be a plain file name part.", nameof(prefix));
        }

        Folder = OutputFolder.Ensure(folder);
        Capabilities = capabilities;
        _everyNth = everyNth;
        _renderer = renderer ?? new LedPictureRenderer();
        _prefix = prefix;
        (int w, int h) = DisplayLayout.RotatedSize(capabilities.Width, capabilities.Height, capabilities.Rotation);
        _rotated = new LedFrame(w, h);
    }

    public string Name => $"png {Capabilities.Width}x{Capabilities.Height} in {Folder}";

    public DisplayCapabilities Capabilities { get; }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    public int FilesWritten { get; private set; }

    /// <summary>The last file written, or null.</summary>
    public string? LastPath { get; private set; }

    public void Show(LedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != Capabilities.Width || frame.Height != Capabilities.Height)
        {
            throw new ArgumentException($"This display is {Capabilities.Width}x{Capabilities.Height} but the frame is {frame.Width}x{frame.Height}.", nameof(frame));
        }

        long index = _shown++;
        if (index % _everyNth != 0)
        {
            return;
        }

        DisplayLayout.RotateFrame(frame, _rotated, Capabilities.Rotation);
        string path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{index:D6}.png"));
        _renderer.SavePng(_rotated, path);
        FilesWritten++;
        LastPath = path;
    }

    public void Blank()
    {
    }

    public void Dispose()
    {
    }
}
