using EdgeDevice.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Imaging;

/// <summary>
/// Copies a decoded image into a <see cref="LumaFrame"/>, choosing the rule by the pixel type
/// the decoder picked: grey types pass through (16-bit: high byte), colour types go through
/// <see cref="Luminance.FromRgb"/>, alpha is dropped.
/// </summary>
internal static class LumaExtraction
{
    private delegate void RowToLuma<TPixel>(ReadOnlySpan<TPixel> source, Span<byte> luma);

    public static void CopyTo(Image image, LumaFrame frame)
    {
        frame.Resize(image.Width, image.Height);
        switch (image)
        {
            case Image<L8> grey:
                Convert(grey, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        dst[x] = src[x].PackedValue;
                    }
                });
                break;
            case Image<L16> grey16:
                Convert(grey16, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        dst[x] = (byte)(src[x].PackedValue >> 8);
                    }
                });
                break;
            case Image<La16> greyAlpha:
                Convert(greyAlpha, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        dst[x] = src[x].L;
                    }
                });
                break;
            case Image<La32> greyAlpha16:
                Convert(greyAlpha16, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        dst[x] = (byte)(src[x].L >> 8);
                    }
                });
                break;
            case Image<Rgb24> rgb:
                Convert(rgb, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        Rgb24 p = src[x];
                        dst[x] = Luminance.FromRgb(p.R, p.G, p.B);
                    }
                });
                break;
            case Image<Rgba32> rgba:
                Convert(rgba, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        Rgba32 p = src[x];
                        dst[x] = Luminance.FromRgb(p.R, p.G, p.B);
                    }
                });
                break;
            case Image<Rgb48> rgb16:
                Convert(rgb16, frame, static (src, dst) =>
                {
                    for (int x = 0; x < dst.Length; x++)
                    {
                        Rgb48 p = src[x];
                        dst[x] = Luminance.FromRgb16(p.R, p.G, p.B);
                    }
                });
                break;
            case Image<Rgba64> rgba16:
                CopyRgba64(rgba16, frame);
                break;
            default:
                // None of the four accepted decoders produces another type today; widening to
                // 16 bits per channel is exact (v * 257), so its high byte is the 8-bit value.
                using (Image<Rgba64> wide = image.CloneAs<Rgba64>())
                {
                    CopyRgba64(wide, frame);
                }

                break;
        }
    }

    private static void CopyRgba64(Image<Rgba64> image, LumaFrame frame) =>
        Convert(image, frame, static (src, dst) =>
        {
            for (int x = 0; x < dst.Length; x++)
            {
                Rgba64 p = src[x];
                dst[x] = Luminance.FromRgb16(p.R, p.G, p.B);
            }
        });

    private static void Convert<TPixel>(Image<TPixel> image, LumaFrame frame, RowToLuma<TPixel> rowToLuma)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        int width = frame.Width;
        int stride = frame.Stride;
        image.ProcessPixelRows(accessor =>
        {
            Span<byte> pixels = frame.Pixels;
            for (int y = 0; y < accessor.Height; y++)
            {
                rowToLuma(accessor.GetRowSpan(y), pixels.Slice(y * stride, width));
            }
        });
    }
}
