namespace EdgeDevice.Display;

/// <summary>
/// Where a viewer's LED (x, y) ends up on a panel: rotation, then wiring order. Pure
/// functions, so real drivers (a WS2812 strip snaking through a panel, a Sense HAT mounted
/// upside down) share one tested mapping.
/// </summary>
/// <remarks>
/// Rotation turns the picture clockwise by 0, 90, 180 or 270 degrees (as the Sense HAT's
/// set_rotation does): a W x H frame becomes an H x W panel image for 90 and 270.
/// Serpentine wiring runs even panel rows left to right and odd rows right to left, the
/// usual zig-zag of LED strips folded into a matrix.
/// </remarks>
public static class DisplayLayout
{
    /// <summary>The panel's size after turning a width x height frame by <paramref name="rotation"/>.</summary>
    public static (int Width, int Height) RotatedSize(int width, int height, int rotation)
    {
        DisplayCapabilities.ValidateRotation(rotation);
        return rotation is 90 or 270 ? (height, width) : (width, height);
    }

    /// <summary>Where (x, y) of a width x height frame lands after turning it clockwise by <paramref name="rotation"/>.</summary>
    public static (int X, int Y) Rotate(int x, int y, int width, int height, int rotation)
    {
        ValidatePoint(x, y, width, height);
        return rotation switch
        {
            0 => (x, y),
            90 => (height - 1 - y, x),
            180 => (width - 1 - x, height - 1 - y),
            270 => (y, width - 1 - x),
            _ => throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Rotation must be 0, 90, 180 or 270."),
        };
    }

    /// <summary>The wire index of panel position (x, y) on a panel <paramref name="panelWidth"/> LEDs wide.</summary>
    public static int WiringIndex(int x, int y, int panelWidth, bool serpentine)
    {
        if (panelWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(panelWidth), panelWidth, "Panel width must be at least 1.");
        }

        if (x < 0 || x >= panelWidth || y < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Position ({x}, {y}) is outside a panel {panelWidth} LEDs wide.");
        }

        bool reversed = serpentine && (y & 1) == 1;
        return (y * panelWidth) + (reversed ? panelWidth - 1 - x : x);
    }

    /// <summary>The wire index of the viewer's LED (x, y): rotation first, then wiring order.</summary>
    public static int PhysicalIndex(int x, int y, int width, int height, int rotation, bool serpentine)
    {
        (int px, int py) = Rotate(x, y, width, height, rotation);
        (int panelWidth, _) = RotatedSize(width, height, rotation);
        return WiringIndex(px, py, panelWidth, serpentine);
    }

    /// <summary>Writes <paramref name="source"/> turned clockwise by <paramref name="rotation"/> into <paramref name="destination"/>.</summary>
    public static void RotateFrame(LedFrame source, LedFrame destination, int rotation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        (int w, int h) = RotatedSize(source.Width, source.Height, rotation);
        if (destination.Width != w || destination.Height != h)
        {
            throw new ArgumentException(
                $"Turning a {source.Width}x{source.Height} frame by {rotation} degrees gives {w}x{h}, but the destination is {destination.Width}x{destination.Height}.",
                nameof(destination));
        }

        for (int y = 0; y < source.Height; y++)
        {
            for (int x = 0; x < source.Width; x++)
            {
                (int rx, int ry) = Rotate(x, y, source.Width, source.Height, rotation);
                destination[rx, ry] = source[x, y];
            }
        }
    }

    private static void ValidatePoint(int x, int y, int width, int height)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Frame size {width}x{height} must be at least 1x1.");
        }

        if (x < 0 || x >= width || y < 0 || y >= height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Position ({x}, {y}) is outside a {width}x{height} frame.");
        }
    }
}
