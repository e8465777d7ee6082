using EdgeDevice.Imaging;

namespace EdgeDevice.Tests.Imaging;

public class LuminanceTests
{
    // Expected values worked by hand from Y = (77 R + 150 G + 29 B + 128) >> 8.
    [Theory]
    [InlineData(255, 0, 0, 77)] // 19763 >> 8
    [InlineData(0, 255, 0, 149)] // 38378 >> 8
    [InlineData(0, 0, 255, 29)] // 7523 >> 8
    [InlineData(255, 255, 255, 255)] // 65408 >> 8
    [InlineData(0, 0, 0, 0)] // 128 >> 8
    [InlineData(10, 20, 30, 18)] // 770 + 3000 + 870 + 128 = 4768 >> 8
    [InlineData(200, 100, 50, 124)] // 15400 + 15000 + 1450 + 128 = 31978 >> 8
    public void FromRgb_follows_the_integer_formula(byte r, byte g, byte b, byte expected) =>
        Assert.Equal(expected, Luminance.FromRgb(r, g, b));

    [Fact]
    public void Grey_rgb_passes_through_unchanged_for_every_level()
    {
        for (int v = 0; v < 256; v++)
        {
            Assert.Equal((byte)v, Luminance.FromRgb((byte)v, (byte)v, (byte)v));
        }
    }

    [Fact]
    public void FromRgb16_uses_the_high_byte_of_each_channel()
    {
        // (0x12, 0x34, 0x56): 77*18 + 150*52 + 29*86 + 128 = 11808 >> 8 = 46; low bytes must not matter.
        Assert.Equal(46, Luminance.FromRgb16(0x1200, 0x3400, 0x5600));
        Assert.Equal(46, Luminance.FromRgb16(0x12FF, 0x34FF, 0x56FF));
    }
}
