using EdgeDevice.Cli;
using EdgeDevice.Tests.Imaging.Support;
using EdgeDevice.Tests.Support;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.PixelFormats;
using TempFolder = EdgeDevice.Tests.Support.TempFolder;

namespace EdgeDevice.Tests.Cli;

/// <summary>Each bad input: one clear message naming it, a non-zero exit, and nothing written.</summary>
public class BadInputTests
{
    [Fact]
    public async Task MissingFile() => await ExpectRefusal(t => t.File("none.png"), "none.png");

    [Fact]
    public async Task EmptyFile() => await ExpectRefusal(t => t.Write("empty.png", string.Empty), "empty.png");

    [Fact]
    public async Task TextFileNamedPng() => await ExpectRefusal(t => t.Write("text.png", "hello, not a picture"), "text.png");

    [Fact]
    public async Task TruncatedPng() => await ExpectRefusal(
        t =>
        {
            string p = TestImages.Noisy(t.File("cut.png"), 32, 32, TestImages.EncoderFor("cut.png"));
            byte[] all = File.ReadAllBytes(p);
            File.WriteAllBytes(p, all[..(all.Length / 2)]);
            return p;
        },
        "cut.png");

    [Fact]
    public async Task TruncatedJpeg() => await ExpectRefusal(
        t =>
        {
            string p = TestImages.Noisy(t.File("cut.jpg"), 32, 32, TestImages.EncoderFor("cut.jpg"));
            byte[] all = File.ReadAllBytes(p);
            File.WriteAllBytes(p, all[..(all.Length - 40)]);
            return p;
        },
        "cut.jpg");

    [Fact]
    public async Task Tiff() => await ExpectRefusal(
        t => TestImages.Write(t.File("photo.tiff"), 8, 8, (x, y) => new L8((byte)x), new TiffEncoder()),
        "TIFF");

    [Fact]
    public async Task ImageOverThePixelLimit()
    {
        using var t = new TempFolder();
        string p = TestImages.FlatGreyPng(t.File("big.png"), 100, 100, 7);
        CliResult r = await new CliRunner(t).WithEnvironment("EDGEDEVICE_Source__MaxPixels", "5000").RunAsync(Simulate(t, p));
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("big.png", r.Error);
        Assert.Contains("Source:MaxPixels", r.Error);
        Assert.False(Directory.Exists(t.File("out")) && Directory.EnumerateFiles(t.File("out")).Any());
    }

    [Fact]
    public async Task AOneByOneImageIsSmallerThanTheKernel() => await ExpectRefusal(
        t => TestImages.FlatGreyPng(t.File("dot.png"), 1, 1, 200),
        "smaller than the 3x3 kernel");

    [Fact]
    public async Task UnknownKernelSuggestsTheNearest()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", "synthetic", "--kernel", "laplace4", "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("did you mean 'laplacian4'", r.Error);
    }

    [Fact]
    public async Task MalformedSettingsFile()
    {
        using var t = new TempFolder();
        var runner = new CliRunner(t);
        Directory.CreateDirectory(Path.GetDirectoryName(runner.UserSettingsFile)!);
        File.WriteAllText(runner.UserSettingsFile, "{ \"Display\": ");
        CliResult r = await runner.RunAsync("simulate", "--input", "synthetic", "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(runner.UserSettingsFile, r.Error);
    }

    [Theory]
    [InlineData("--fps", "-5", "Source:FrameRate")]
    [InlineData("--matrix", "0x8", "--matrix '0x8'")]
    [InlineData("--work-size", "0x10", "--work-size '0x10'")]
    [InlineData("--mode", "diagonal", "--mode 'diagonal'")]
    [InlineData("--frames", "0", "--frames 0")]
    public async Task OutOfRangeOptionsAreNamed(string option, string value, string expected)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", "synthetic", option, value, "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(expected, r.Error);
    }

    [Fact]
    public async Task OutOfRangeSettingsFromTheEnvironmentAreNamed()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).WithEnvironment("EDGEDEVICE_Display__Width", "0")
            .RunAsync("simulate", "--input", "synthetic", "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("Display:Width is 0", r.Error);
    }

    [Fact]
    public async Task UnwritableOutputFolder()
    {
        using var t = new TempFolder();
        string file = t.Write("occupied", "a file where a folder should be");
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", "synthetic", "--out", Path.Combine(file, "sub"), "--display", "none");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("--out", r.Error);
        Assert.Contains("occupied", r.Error);
    }

    [Fact]
    public async Task UnknownOptionIsAnError()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", "synthetic", "--colour", "red");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("--colour", r.Error);
    }

    [Fact]
    public async Task InAFolderABadFileIsSkippedWithAWarning()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t.File("in"));
        TestImages.Noisy(t.File("in/a.png"), 40, 30, TestImages.EncoderFor("a.png"));
        t.Write("in/b.png", "not a picture");
        TestImages.Noisy(t.File("in/c.png"), 40, 30, TestImages.EncoderFor("c.png"), seed: 3);
        CliResult r = await new CliRunner(t).RunAsync("simulate", "--input", t.File("in"), "--out", t.File("out"), "--display", "none");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.StartsWith("2 frame(s)", r.Out);
        Assert.Contains("b.png", r.Error);
    }

    private static string[] Simulate(TempFolder t, string input) =>
        ["simulate", "--input", input, "--out", t.File("out"), "--display", "none"];

    private static async Task ExpectRefusal(Func<TempFolder, string> makeInput, string expectedInMessage)
    {
        using var t = new TempFolder();
        string input = makeInput(t);
        CliResult r = await new CliRunner(t).RunAsync(Simulate(t, input));
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(expectedInMessage, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(t.File("out")) && Directory.EnumerateFiles(t.File("out")).Any(), "nothing is written");
    }
}

public class HardwareStartupTests
{
    [Fact]
    public async Task AConfiguredMatrixOffAPiExits4WithTheFix()
    {
        using var t = new EdgeDevice.Tests.Support.TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("run", "--display", "max7219", "--frames", "1");
        Assert.Equal(ExitCodes.HardwareAbsent, r.ExitCode);
        Assert.Contains("Display:Kind is max7219", r.Error);
        Assert.Contains("terminal", r.Error);
    }

    [Fact]
    public async Task AnUnknownDisplaySettingIsNamed()
    {
        using var t = new EdgeDevice.Tests.Support.TempFolder();
        CliResult r = await new CliRunner(t).WithEnvironment("EDGEDEVICE_Display__Brightnes", "0.5").RunAsync("run", "--display", "none", "--frames", "1");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("Display:Brightnes", r.Error);
    }

    [Fact]
    public async Task InfoListsEachHardwarePieceWithItsState()
    {
        using var t = new EdgeDevice.Tests.Support.TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("info");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("hardware:", r.Out);
        Assert.Contains("led matrices", r.Out);
        Assert.Contains("gpio button", r.Out);
    }
}
