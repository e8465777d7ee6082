using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Imaging;

/// <summary>
/// The luma of one pixel of type <typeparamref name="TPixel"/>. Static and on a struct so that
/// <see cref="LumaExtraction"/>'s generic row loop is compiled once per pixel type with the rule
/// inlined: one loop for every type, no delegate call per row or pixel.
/// </summary>
internal interface ILumaRule<TPixel>
    where TPixel : unmanaged
{
    static abstract byte Luma(TPixel pixel);
}

/// <summary>Grey passes through.</summary>
internal readonly struct L8Luma : ILumaRule<L8>
{
    public static byte Luma(L8 pixel) => pixel.PackedValue;
}

/// <summary>16-bit grey: the high byte.</summary>
internal readonly struct L16Luma : ILumaRule<L16>
{
    public static byte Luma(L16 pixel) => (byte)(pixel.PackedValue >> 8);
}

/// <summary>Grey with alpha: the grey, alpha dropped.</summary>
internal readonly struct La16Luma : ILumaRule<La16>
{
    public static byte Luma(La16 pixel) => pixel.L;
}

/// <summary>16-bit grey with alpha: the grey's high byte.</summary>
internal readonly struct La32Luma : ILumaRule<La32>
{
    public static byte Luma(La32 pixel) => (byte)(pixel.L >> 8);
}

internal readonly struct Rgb24Luma : ILumaRule<Rgb24>
{
    public static byte Luma(Rgb24 pixel) => Luminance.FromRgb(pixel.R, pixel.G, pixel.B);
}

internal readonly struct Rgba32Luma : ILumaRule<Rgba32>
{
    public static byte Luma(Rgba32 pixel) => Luminance.FromRgb(pixel.R, pixel.G, pixel.B);
}

internal readonly struct Rgb48Luma : ILumaRule<Rgb48>
{
    public static byte Luma(Rgb48 pixel) => Luminance.FromRgb16(pixel.R, pixel.G, pixel.B);
}

internal readonly struct Rgba64Luma : ILumaRule<Rgba64>
{
    public static byte Luma(Rgba64 pixel) => Luminance.FromRgb16(pixel.R, pixel.G, pixel.B);
}
