using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Where each LED of the frame the viewer sees lands on the panel as wired. The panel is
/// <see cref="PanelWidth"/> x <see cref="PanelHeight"/> in its own coordinates; mounted turned
/// <see cref="Rotation"/> degrees clockwise it shows a <see cref="ViewerWidth"/> x
/// <see cref="ViewerHeight"/> picture (width and height swap at 90 and 270). The table is
/// built once so a frame is mapped with one lookup per LED.
/// </summary>
public sealed class PanelMap
{
    private readonly int[] _viewerToPanel;

    public PanelMap(int panelWidth, int panelHeight, int rotation)
    {
        if (panelWidth < 1 || panelHeight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(panelWidth), $"A panel must be at least 1x1 LEDs, not {panelWidth}x{panelHeight}.");
        }

        DisplayCapabilities.ValidateRotation(rotation);
        PanelWidth = panelWidth;
        PanelHeight = panelHeight;
        Rotation = rotation;
        bool swapped = rotation is 90 or 270;
        ViewerWidth = swapped ? panelHeight : panelWidth;
        ViewerHeight = swapped ? panelWidth : panelHeight;
        _viewerToPanel = new int[panelWidth * panelHeight];
        for (int y = 0; y < ViewerHeight; y++)
        {
            for (int x = 0; x < ViewerWidth; x++)
            {
                (int px, int py) = ToPanel(x, y);
                _viewerToPanel[(y * ViewerWidth) + x] = (py * panelWidth) + px;
            }
        }
    }

    public int PanelWidth { get; }

    public int PanelHeight { get; }

    public int ViewerWidth { get; }

    public int ViewerHeight { get; }

    public int Rotation { get; }

    public int Count => _viewerToPanel.Length;

    /// <summary>For each viewer pixel (row-major), the panel pixel index (row-major in panel coordinates).</summary>
    public ReadOnlySpan<int> ViewerToPanel => _viewerToPanel;

    /// <summary>
    /// The panel LED that shows viewer pixel (x, y). A panel turned 90 degrees clockwise puts
    /// its top-left LED at the viewer's top-right, so the viewer's (x, y) is the panel's
    /// (y, panelHeight - 1 - x); the other angles follow the same way.
    /// </summary>
    public (int X, int Y) ToPanel(int x, int y) => Rotation switch
    {
        90 => (y, PanelHeight - 1 - x),
        180 => (PanelWidth - 1 - x, PanelHeight - 1 - y),
        270 => (PanelWidth - 1 - y, x),
        _ => (x, y),
    };

    /// <summary>Refuses a frame whose size is not the viewer's, naming both sizes.</summary>
    public void CheckFrame(LedFrame frame, string displayName)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != ViewerWidth || frame.Height != ViewerHeight)
        {
            throw new ArgumentException($"The {displayName} shows {ViewerWidth}x{ViewerHeight} frames, not {frame.Width}x{frame.Height}.", nameof(frame));
        }
    }
}
