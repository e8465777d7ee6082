using EdgeDevice.Tests.Support;
using ConvCore.Fixed.Planes;
using EdgeDevice.Display;
using EdgeDevice.Pipeline;
using EdgeDevice.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Rendering;

public class SideBySideRendererTests
{
    [Fact]
    public void ThreePanelsAsTallAsTheLedViewWithGaps()
    {
        // Luma 8x6, feature map 7x6, LEDs 7x6 at 24 px: panels 144 high; luma 8 x 144 / 6 = 192
        // wide, feature map 168, LEDs 168; four 8-px gaps: 32 + 192 + 168 + 168 = 560 by 16 + 144.
        byte[] luma = new byte[8 * 6];
        short[] feature = new short[7 * 6];
        for (int y = 0; y < 6; y++)
        {
            feature[(y * 7) + 1] = 1;
            feature[(y * 7) + 5] = -1;
        }

        using Image<Rgb24> image = new SideBySideRenderer().Render(
            new ReadOnlyPlane<byte>(luma, 8, 6), new ReadOnlyPlane<short>(feature, 7, 6), MapMode.Signed, new LedFrame(7, 6));

        Assert.Equal((560, 160), (image.Width, image.Height));

        // The feature panel starts at x = 8 + 192 + 8 = 208; each feature column is 24 px wide.
        Assert.Equal(new Rgb24(255, 0, 0), image[208 + 24 + 12, 8 + 12]);
        Assert.Equal(new Rgb24(0, 0, 255), image[208 + (5 * 24) + 12, 8 + 12]);
        Assert.Equal(new Rgb24(0, 0, 0), image[208 + 12, 8 + 12]);
        Assert.Equal(new Rgb24(10, 10, 12), image[204, 80]); // the gap between panels
    }

    [Fact]
    public void SavePngWritesTheSamePicture()
    {
        using var folder = new TempFolder();
        string path = folder.File("side.png");
        byte[] luma = Enumerable.Range(0, 40 * 30).Select(i => (byte)i).ToArray();
        short[] feature = new short[38 * 28];

        new SideBySideRenderer(gap: 4).SavePng(
            new ReadOnlyPlane<byte>(luma, 40, 30), new ReadOnlyPlane<short>(feature, 38, 28), MapMode.Magnitude, new LedFrame(8, 8), path);

        // Height 8 x 24 = 192: luma 40 x 192 / 30 = 256; feature 38 x 192 / 28 = 260.57 -> 261.
        using Image<Rgb24> back = Image.Load<Rgb24>(path);
        Assert.Equal((16 + 256 + 261 + 192, 8 + 192), (back.Width, back.Height));
    }

    [Fact]
    public void TheAutoMapMustBeResolvedFirst()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SideBySideRenderer().Render(
            new ReadOnlyPlane<byte>(new byte[1], 1, 1), new ReadOnlyPlane<short>(new short[1], 1, 1), MapMode.Auto, new LedFrame(1, 1)));

        Assert.Equal("map", ex.ParamName);
    }
}
