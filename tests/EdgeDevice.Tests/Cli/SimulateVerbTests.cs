using EdgeDevice.Cli;
using EdgeDevice.Npy;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Imaging.Support;
using EdgeDevice.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TempFolder = EdgeDevice.Tests.Support.TempFolder;

namespace EdgeDevice.Tests.Cli;

public class SimulateVerbTests
{
    [Fact]
    public async Task APhotoGivesTheLedViewTheSideBySideAndTheNpyFiles()
    {
        using var t = new TempFolder();
        string photo = SampleImages.Files.Single(f => f.EndsWith("chelsea.png"));
        CliResult r = await new CliRunner(t).RunAsync(
            "simulate", "--input", photo, "--out", t.File("out"), "--display", "none",
            "--save-feature-map", t.File("f.npy"), "--save-luma", t.File("l.npy"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        using (var led = Image.Load<Rgb24>(t.File("out/chelsea.led.png")))
        {
            Assert.Equal((8 * 24, 8 * 24), (led.Width, led.Height));
        }

        Assert.True(File.Exists(t.File("out/chelsea.side-by-side.png")));
        var luma = NpyReader.ReadBytes(t.File("l.npy"));
        var feature = NpyReader.ReadInt16(t.File("f.npy"));
        Assert.Equal((160, 120), (luma.Width, luma.Height));
        Assert.Equal((158, 118), (feature.Width, feature.Height));
        Assert.Contains(feature.Data, v => v > 50);
    }

    [Fact]
    public async Task TheFeatureMapIsTheExactCorrelationOfTheSavedLuma()
    {
        using var t = new TempFolder();
        string photo = SampleImages.Files.Single(f => f.EndsWith("coffee.png"));
        CliResult r = await new CliRunner(t).RunAsync(
            "simulate", "--input", photo, "--kernel", "sobel-x", "--work-size", "native", "--mode", "same-replicate",
            "--out", t.File("out"), "--display", "none", "--save-feature-map", t.File("f.npy"), "--save-luma", t.File("l.npy"));
        Assert.Equal(ExitCodes.Success, r.ExitCode);

        var x = NpyReader.ReadBytes(t.File("l.npy"));
        var y = NpyReader.ReadInt16(t.File("f.npy"));
        Assert.Equal((300, 200), (x.Width, x.Height));
        Assert.Equal((x.Width, x.Height), (y.Width, y.Height));
        int[,] k = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };
        for (int r0 = 0; r0 < x.Height; r0++)
        {
            for (int c0 = 0; c0 < x.Width; c0++)
            {
                int acc = 0;
                for (int i = 0; i < 3; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        int rr = Math.Clamp(r0 + i - 1, 0, x.Height - 1);
                        int cc = Math.Clamp(c0 + j - 1, 0, x.Width - 1);
                        acc += k[i, j] * x.Data[(rr * x.Width) + cc];
                    }
                }

                Assert.Equal(acc, y.Data[(r0 * y.Width) + c0]);
            }
        }
    }

    [Fact]
    public async Task SyntheticRunsSixtyFramesAndWritesAGif()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", "synthetic", "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.StartsWith("60 frame(s)", r.Out);
        using var gif = Image.Load<Rgb24>(t.File("out/synthetic.gif"));
        Assert.Equal(60, gif.Frames.Count);
    }

    [Fact]
    public async Task AFolderPlaysEachFileOnce()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t.File("in"));
        TestImages.Noisy(t.File("in/a.png"), 40, 30, TestImages.EncoderFor("a.png"), seed: 1);
        TestImages.Noisy(t.File("in/b.png"), 40, 30, TestImages.EncoderFor("b.png"), seed: 2);
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", t.File("in"), "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.StartsWith("2 frame(s)", r.Out);
    }

    [Fact]
    public async Task TheTerminalDisplayDrawsTheMatrixAsText()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).WithEnvironment("NO_COLOR", "1").RunAsync(
            "simulate", "--input", "synthetic", "--frames", "2", "--matrix", "4x3", "--out", t.File("out"), "--display", "terminal");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        string[] lines = r.Out.Split('\n');
        Assert.Contains(lines, l => l.Length == 4 && l.Trim().Length > 0 && l.All(c => " .:-=+*#%@".Contains(c)));
    }
}
