using EdgeDevice.Tests.Support;
using EdgeDevice.Display;
using EdgeDevice.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Rendering;

public class LedPictureRendererTests
{
    private static readonly LedPictureStyle Style = new() { Pitch = 24, Diameter = 18, Board = new Rgb(10, 10, 12), Unlit = new Rgb(30, 30, 32) };

    [Fact]
    public void ThePictureIsPitchTimesTheMatrix()
    {
        using Image<Rgb24> image = new LedPictureRenderer(Style).Render(new LedFrame(3, 2));

        Assert.Equal((72, 48), (image.Width, image.Height));
    }

    [Fact]
    public void AnLedCentreHasItsColourAndTheGapHasTheBoardColour()
    {
        var frame = new LedFrame(3, 2);
        frame[1, 0] = new Rgb(200, 40, 7);

        using Image<Rgb24> image = new LedPictureRenderer(Style).Render(frame);

        // LED (1, 0) is centred at (24 + 12, 12).
        Assert.Equal(new Rgb24(200, 40, 7), image[36, 12]);
        Assert.Equal(new Rgb24(200, 40, 7), image[36 + 7, 12]);  // 7.5 from the centre, inside the 9-pixel radius
        Assert.Equal(new Rgb24(10, 10, 12), image[36 + 11, 12]); // in the 3-pixel margin
        Assert.Equal(new Rgb24(10, 10, 12), image[24, 0]);       // the corner between LEDs
        Assert.Equal(new Rgb24(30, 30, 32), image[12, 36]);      // LED (0, 1) is off: unlit grey
    }

    [Fact]
    public void TheRimIsBlendedIntoTheBoard()
    {
        var frame = new LedFrame(1, 1);
        frame[0, 0] = new Rgb(250, 250, 250);

        using Image<Rgb24> image = new LedPictureRenderer(Style).Render(frame);

        // The LED centre is (12, 12). Pixel (19, 12) (centre (19.5, 12.5)) is 7.52 away:
        // coverage 1. Pixel (21, 12) is 9.51 away: coverage 0, board. Pixel (18, 18) is
        // 6.5 x sqrt(2) = 9.19 away: coverage 0.31, a blend strictly between the two.
        Assert.Equal(250, image[19, 12].R);
        Assert.Equal(10, image[21, 12].R);
        Assert.InRange(image[18, 18].R, 11, 249);
    }

    [Fact]
    public void SavePngWritesAReadablePictureAndNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("leds.png");

        new LedPictureRenderer(Style).SavePng(new LedFrame(8, 8), path);

        using Image<Rgb24> back = Image.Load<Rgb24>(path);
        Assert.Equal((192, 192), (back.Width, back.Height));
        Assert.Equal(["leds.png"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(24, 25)]
    [InlineData(24, 0)]
    public void ImpossibleStylesAreRefused(int pitch, int diameter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedPictureRenderer(new LedPictureStyle { Pitch = pitch, Diameter = diameter }));
    }
}
