namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// How the LEDs of a strip-based panel (WS2812B, SK6812) follow each other along the data line,
/// in the panel's own coordinates. A panel wired in columns is a row-wired panel turned by 90
/// degrees: set the rotation instead.
/// </summary>
public enum WiringOrder
{
    /// <summary>Every row starts at the left: index = y * width + x.</summary>
    RowMajor,

    /// <summary>Rows alternate direction (zig-zag): even rows left to right, odd rows right to left.</summary>
    Serpentine,
}

/// <summary>The position along the data line of a panel LED.</summary>
public static class StripIndex
{
    public static int Of(int x, int y, int panelWidth, WiringOrder order) =>
        order == WiringOrder.Serpentine && (y & 1) == 1
            ? (y * panelWidth) + (panelWidth - 1 - x)
            : (y * panelWidth) + x;

    /// <summary>For each viewer pixel, its position on the data line (built once per display).</summary>
    public static int[] Table(PanelMap map, WiringOrder order)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = new int[map.Count];
        ReadOnlySpan<int> toPanel = map.ViewerToPanel;
        for (int i = 0; i < table.Length; i++)
        {
            int p = toPanel[i];
            table[i] = Of(p % map.PanelWidth, p / map.PanelWidth, map.PanelWidth, order);
        }

        return table;
    }
}
