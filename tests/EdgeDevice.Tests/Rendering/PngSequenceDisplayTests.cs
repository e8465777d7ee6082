using EdgeDevice.Tests.Support;
using EdgeDevice.Display;
using EdgeDevice.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Rendering;

public class PngSequenceDisplayTests
{
    [Fact]
    public void EveryNthFrameBecomesANumberedPng()
    {
        using var folder = new TempFolder();
        using var display = new PngSequenceDisplay(Path.Combine(folder.Path, "run"), new DisplayCapabilities(2, 2, ColorDepth.Rgb24), everyNth: 2);

        for (int i = 0; i < 5; i++)
        {
            display.Show(new LedFrame(2, 2));
        }

        string[] names = Directory.GetFiles(display.Folder).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(["led-000000.png", "led-000002.png", "led-000004.png"], names);
        Assert.Equal(3, display.FilesWritten);
    }

    [Fact]
    public void RotationTurnsThePicture()
    {
        using var folder = new TempFolder();
        using var display = new PngSequenceDisplay(folder.Path, new DisplayCapabilities(3, 1, ColorDepth.Rgb24, Rotation: 270));
        var frame = new LedFrame(3, 1);
        frame[0, 0] = new Rgb(255, 0, 0);

        display.Show(frame);

        // Turned 270 degrees clockwise, the left end of the row goes to the bottom.
        using Image<Rgb24> image = Image.Load<Rgb24>(display.LastPath!);
        Assert.Equal((24, 72), (image.Width, image.Height));
        Assert.Equal(new Rgb24(255, 0, 0), image[12, 60]);
    }

    [Fact]
    public void AnUnwritableFolderIsRefusedAtConstructionNamingIt()
    {
        using var folder = new TempFolder();
        string file = folder.File("not-a-folder");
        File.WriteAllText(file, "x");
        string wanted = Path.Combine(file, "frames");

        var ex = Assert.ThrowsAny<IOException>(() => new PngSequenceDisplay(wanted, new DisplayCapabilities(2, 2, ColorDepth.Rgb24)));

        Assert.Contains(wanted, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingIntoAFolderThatCannotExistNamesTheFolder()
    {
        using var folder = new TempFolder();
        string file = folder.File("plain.txt");
        File.WriteAllText(file, "x");
        string target = Path.Combine(file, "leds.png");

        var ex = Assert.ThrowsAny<IOException>(() => new LedPictureRenderer().SavePng(new LedFrame(1, 1), target));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }
}
