namespace EdgeDevice.Imaging;

/// <summary>
/// The integer BT.601 luma of the user contract: Y = (77 R + 150 G + 29 B + 128) >> 8.
/// </summary>
/// <remarks>
/// The weights sum to 256, so a grey pixel (R = G = B = v) maps to exactly v: grey images
/// decoded to RGB still pass through unchanged. ImageSharp's own L8 conversion uses float
/// BT.709 weights and must not be used for the core's input.
/// </remarks>
public static class Luminance
{
    public static byte FromRgb(byte r, byte g, byte b) => (byte)(((77 * r) + (150 * g) + (29 * b) + 128) >> 8);

    /// <summary>16-bit samples keep their high byte, as 16-bit grey does.</summary>
    public static byte FromRgb16(ushort r, ushort g, ushort b) => FromRgb((byte)(r >> 8), (byte)(g >> 8), (byte)(b >> 8));
}
