using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>The project's integer BT.601 luminance, for displays that show one grey level or one bit per LED.</summary>
public static class Luma
{
    public static byte Of(Rgb c) => (byte)(((77 * c.R) + (150 * c.G) + (29 * c.B) + 128) >> 8);
}
