using System.Globalization;
using System.Text;
using ConvCore.Fixed.Kernels;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Pipeline;
using EdgeDevice.Rendering;
using EdgeDevice.Sources;

namespace EdgeDevice.Tests.Golden;

/// <summary>
/// The LED frames the default pipeline shows for the bundled photographs and the synthetic
/// pattern, against reviewed golden files (TestData/golden/*.txt, one #RRGGBB per LED; the
/// matching PNGs were looked at once when the files were made). Run with
/// EDGEDEVICE_UPDATE_GOLDEN=/path/to/tests/EdgeDevice.Tests/TestData/golden to rewrite them
/// after an intended change, then look at the PNGs again before committing.
/// </summary>
public class GoldenLedFrameTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "camera.png", "sobel" },
        { "chelsea.png", "sobel" },
        { "coffee.png", "edge-x" },
        { "astronaut.png", "laplacian4" },
        { "synthetic", "sobel-x" },
        { "synthetic", "sobel-y" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LedFrameMatchesTheReviewedGolden(string input, string kernel)
    {
        LumaFrame frame = Load(input);
        var options = new PipelineOptions(); // the shipped defaults: 160x120 work size, auto gain, gamma 2.2
        var pipeline = new FramePipeline(options, new DisplayCapabilities(8, 8, ColorDepth.Rgb24), KernelCatalogue.Get(kernel));
        LedFrame leds = pipeline.Process(frame);
        string actual = Serialize(leds);
        string name = $"{Path.GetFileNameWithoutExtension(input)}.{kernel}";

        string? update = Environment.GetEnvironmentVariable("EDGEDEVICE_UPDATE_GOLDEN");
        if (!string.IsNullOrEmpty(update))
        {
            File.WriteAllText(Path.Combine(update, name + ".txt"), actual);
            new LedPictureRenderer().SavePng(leds, Path.Combine(update, name + ".png"));
        }

        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "golden", name + ".txt"));
        Assert.Equal(expected, actual);
    }

    private static LumaFrame Load(string input)
    {
        if (input == "synthetic")
        {
            var frame = new LumaFrame(320, 240);
            SyntheticPattern.Render(10, frame.AsWritablePlane());
            return frame;
        }

        return ImageDecoder.Create().DecodeLuma(SampleImages.Files.Single(f => Path.GetFileName(f) == input));
    }

    private static string Serialize(LedFrame leds)
    {
        var sb = new StringBuilder();
        for (int y = 0; y < leds.Height; y++)
        {
            for (int x = 0; x < leds.Width; x++)
            {
                Rgb c = leds[x, y];
                sb.Append(x == 0 ? string.Empty : " ").Append(CultureInfo.InvariantCulture, $"{c.R:X2}{c.G:X2}{c.B:X2}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
