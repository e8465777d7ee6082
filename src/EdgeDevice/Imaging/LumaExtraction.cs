using EdgeDevice.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Imaging;

/// <summary>
/// Copies a decoded image into a <see cref="LumaFrame"/>, choosing the rule by the pixel type
/// the decoder picked: grey types pass through (16-bit: high byte), colour types go through
/// <see cref="Luminance.FromRgb"/>, alpha is dropped (the rules are in LumaRules.cs).
/// </summary>
internal static class LumaExtraction
{
    public static void CopyTo(Image image, LumaFrame frame)
    {
        frame.Resize(image.Width, image.Height);
        switch (image)
        {
            case Image<L8> grey:
                Convert<L8, L8Luma>(grey, frame);
                break;
            case Image<L16> grey16:
                Convert<L16, L16Luma>(grey16, frame);
                break;
            case Image<La16> greyAlpha:
                Convert<La16, La16Luma>(greyAlpha, frame);
                break;
            case Image<La32> greyAlpha16:
                Convert<La32, La32Luma>(greyAlpha16, frame);
                break;
            case Image<Rgb24> rgb:
                Convert<Rgb24, Rgb24Luma>(rgb, frame);
                break;
            case Image<Rgba32> rgba:
                Convert<Rgba32, Rgba32Luma>(rgba, frame);
                break;
            case Image<Rgb48> rgb16:
                Convert<Rgb48, Rgb48Luma>(rgb16, frame);
                break;
            case Image<Rgba64> rgba16:
                Convert<Rgba64, Rgba64Luma>(rgba16, frame);
                break;
            default:
                // None of the four accepted decoders produces another type today; widening to
                // 16 bits per channel is exact (v * 257), so its high byte is the 8-bit value.
                using (Image<Rgba64> wide = image.CloneAs<Rgba64>())
                {
                    Convert<Rgba64, Rgba64Luma>(wide, frame);
                }

                break;
        }
    }

    private static void Convert<TPixel, TRule>(Image<TPixel> image, LumaFrame frame)
        where TPixel : unmanaged, IPixel<TPixel>
        where TRule : struct, ILumaRule<TPixel>
    {
        int width = frame.Width;
        int stride = frame.Stride;
        image.ProcessPixelRows(accessor =>
        {
            Span<byte> pixels = frame.Pixels;
            for (int y = 0; y < accessor.Height; y++)
            {
                ReadOnlySpan<TPixel> source = accessor.GetRowSpan(y);
                Span<byte> luma = pixels.Slice(y * stride, width);
                for (int x = 0; x < luma.Length; x++)
                {
                    luma[x] = TRule.Luma(source[x]);
                }
            }
        });
    }
}
