using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Imaging;

/// <summary>
/// Every pixel type the extraction knows, directly (the decoder tests reach only the types the
/// test files decode to). The colour is R 0x12, G 0x34, B 0x56 in every type: worked by hand,
/// (77 * 18 + 150 * 52 + 29 * 86 + 128) >> 8 = 11808 >> 8 = 46; white gives 65408 >> 8 = 255.
/// </summary>
public class LumaExtractionTests
{
    [Fact]
    public void Grey_types_pass_through_and_sixteen_bits_keep_the_high_byte()
    {
        Assert.Equal([200, 0], Extract(new L8(200), new L8(0)));
        Assert.Equal([0xAB, 0xFF], Extract(new L16(0xAB12), new L16(0xFFFF)));
        Assert.Equal([90, 255], Extract(new La16(90, 7), new La16(255, 0)));
        Assert.Equal([0x5A, 0x00], Extract(new La32(0x5AFF, 0x1234), new La32(0x00FF, 0xFFFF)));
    }

    [Fact]
    public void Colour_types_use_the_integer_luma_and_ignore_alpha()
    {
        Assert.Equal([46, 255], Extract(new Rgb24(0x12, 0x34, 0x56), new Rgb24(255, 255, 255)));
        Assert.Equal([46, 255], Extract(new Rgba32(0x12, 0x34, 0x56, 0), new Rgba32(255, 255, 255, 9)));
        Assert.Equal([46, 255], Extract(new Rgb48(0x12FF, 0x3480, 0x5601), new Rgb48(0xFFFF, 0xFF00, 0xFF00)));
        Assert.Equal([46, 255], Extract(new Rgba64(0x12FF, 0x3480, 0x5601, 0), new Rgba64(0xFFFF, 0xFF00, 0xFF00, 1)));
    }

    [Fact]
    public void Any_other_type_is_widened_first_and_gives_the_same_luma()
    {
        Assert.Equal([46, 255], Extract(new Bgra32(0x12, 0x34, 0x56, 3), new Bgra32(255, 255, 255, 255)));
        Assert.Equal([46, 255], Extract(new Bgr24(0x12, 0x34, 0x56), new Bgr24(255, 255, 255)));
    }

    private static byte[] Extract<TPixel>(params TPixel[] pixels)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using Image<TPixel> image = Image.LoadPixelData<TPixel>(pixels, pixels.Length, 1);
        var frame = new LumaFrame(1, 1);
        LumaExtraction.CopyTo(image, frame);
        Assert.Equal((pixels.Length, 1), (frame.Width, frame.Height));
        return frame.Pixels[..frame.Width].ToArray();
    }
}
