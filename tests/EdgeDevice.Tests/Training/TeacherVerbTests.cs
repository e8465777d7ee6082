using System.Globalization;
using System.Text.Json;
using ConvCore.Fixed.Kernels;
using EdgeDevice.Cli;
using EdgeDevice.KernelFiles;
using EdgeDevice.Npy;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Support;
using EdgeDevice.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Training;

/// <summary>`train --teacher NAME`: a student learns a catalogue kernel on the bundled photographs.</summary>
public class TeacherVerbTests(TeacherRuns runs) : IClassFixture<TeacherRuns>
{
    [Theory]
    [InlineData("sobel-x")]
    [InlineData("sobel-y")]
    [InlineData("laplacian4")]
    public async Task TheStudentLearnsTheTeacherOnTheBundledPhotosToTwoHundredths(string teacher)
    {
        var (r, json) = await runs.Get(teacher);

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        FixedKernel learned = KernelFile.Load(json);
        double error = StudentFormat.MaxWeightError(learned, KernelCatalogue.GetKernel(teacher));
        Assert.True(error <= 0.02, $"max weight error {error}\n{r.Out}");
        Assert.Equal("learned-" + teacher, learned.Name);
        Assert.Equal(12, learned.FractionBits);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"max weight error {error:F4}"), r.Out, StringComparison.Ordinal);
        Assert.Contains($"wrote {json}", r.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Error);
    }

    [Fact]
    public async Task ItPrintsTheLearnedMatrixBesideTheTeachers()
    {
        var (r, _) = await runs.Get("sobel-x");

        string[] lines = r.Out.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("learned-sobel-x 3x3", StringComparison.Ordinal));
        Assert.True(header >= 0, r.Out);
        Assert.Contains("sobel-x 3x3, 0 fraction bits", lines[header], StringComparison.Ordinal);
        Assert.EndsWith("[ -1   0   1 ]", lines[header + 1], StringComparison.Ordinal);
        Assert.EndsWith("[ -2   0   2 ]", lines[header + 2], StringComparison.Ordinal);
        Assert.EndsWith("[ -1   0   1 ]", lines[header + 3], StringComparison.Ordinal);
        double[] middle = lines[header + 2].Split(['[', ']'])[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, middle.Length);
        Assert.Equal(-2.0, middle[0], 1);
        Assert.Equal(2.0, middle[2], 1);
    }

    [Fact]
    public async Task TheKernelFileHasItsProvenanceAndLoadsBackBitIdentical()
    {
        var (r, json) = await runs.Get("sobel-y");
        Assert.Equal(ExitCodes.Success, r.ExitCode);

        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            JsonElement root = doc.RootElement;
            Assert.Equal("edgedevice-kernel/1", root.GetProperty("format").GetString());
            JsonElement p = root.GetProperty("provenance");
            Assert.Equal("sobel-y", p.GetProperty("teacher").GetString());
            Assert.True(p.GetProperty("iterations").GetInt32() > 10);
            Assert.True(p.GetProperty("loss").GetDouble() <= 2e-7);
            Assert.True(DateTimeOffset.TryParse(p.GetProperty("created").GetString(), CultureInfo.InvariantCulture, out _));
            int[] weights = root.GetProperty("weights").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(weights, KernelFile.Load(json).Weights.ToArray().Select(w => (int)w).ToArray());
        }

        using var t = new TempFolder();
        FixedKernel loaded = KernelFile.Load(json);
        string copy = t.File("copy.json");
        KernelFile.Save(copy, loaded, new KernelProvenance(null, null, null, null));
        Assert.Equal(loaded.Weights.ToArray(), KernelFile.Load(copy).Weights.ToArray());
        Assert.Equal(loaded.Bias, KernelFile.Load(copy).Bias);
    }

    [Fact]
    public async Task TheLearnedFileWorksWhereACatalogueNameDoes()
    {
        using var t = new TempFolder();
        var (_, json) = await runs.Get("sobel-x");
        string photo = SampleImages.Files.Single(f => f.EndsWith("chelsea.png", StringComparison.Ordinal));

        CliResult learned = await new CliRunner(t).RunAsync("simulate", "--input", photo, "--kernel", json, "--display", "none", "--out", t.File("a"), "--save-feature-map", t.File("learned.npy"));
        CliResult teacher = await new CliRunner(t).RunAsync("simulate", "--input", photo, "--kernel", "sobel-x", "--display", "none", "--out", t.File("b"), "--save-feature-map", t.File("teacher.npy"));
        CliResult listed = await new CliRunner(t).RunAsync("kernels", json);

        Assert.Equal(ExitCodes.Success, learned.ExitCode);
        Assert.Equal(ExitCodes.Success, teacher.ExitCode);
        Assert.Contains("learned-sobel-x 3x3, 12 fraction bits", listed.Out, StringComparison.Ordinal);
        short[] a = NpyReader.ReadInt16(t.File("learned.npy")).Data, b = NpyReader.ReadInt16(t.File("teacher.npy")).Data;
        Assert.Equal(b.Length, a.Length);
        double meanDifference = a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
        Assert.True(meanDifference < 1.0, $"mean |learned - teacher| = {meanDifference}");
        Assert.Contains(b, v => Math.Abs((int)v) > 100);
    }

    [Fact]
    public async Task WithoutOutItSavesToTheStateFolderAndAlwaysWritesTheLossCsv()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "edge-x");

        string state = Path.Combine(t.Path, ".local", "state", "edgedevice");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(state, "learned-edge-x.json")), r.Out);
        string[] csv = File.ReadAllLines(Path.Combine(state, "learned-edge-x.loss.csv"));
        Assert.Equal(LossCurve.CsvHeader, csv[0]);
        int iterations = int.Parse(csv[^1].Split(',')[0], CultureInfo.InvariantCulture);
        Assert.Equal(csv.Length - 1, iterations);
        Assert.Contains($"after {iterations} iterations", r.Out, StringComparison.Ordinal);
        Assert.All(csv.Skip(1), line => Assert.True(double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public async Task ThePlotIsAPngOfTheCurve()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "edge-y", "--out", t.File("k.json"), "--plot", t.File("plots/loss.png"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        using var image = Image.Load<Rgb24>(t.File("plots/loss.png"));
        Assert.Equal((LossPlot.Width, LossPlot.Height), (image.Width, image.Height));
        int curvePixels = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                curvePixels += image[x, y] == LossPlot.Curve ? 1 : 0;
            }
        }

        Assert.True(curvePixels > 100, $"{curvePixels} curve pixels");
        Assert.Contains($"wrote {t.File("plots/loss.png")}", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooFewIterationsMissTheTargetExitThreeAndSaveNoKernel()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "sobel-x", "--iterations", "20", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.TrainingFailed, r.ExitCode);
        Assert.False(File.Exists(t.File("k.json")));
        Assert.Equal(21, File.ReadAllLines(t.File("k.loss.csv")).Length);
        Assert.Contains("did not reach the loss target", r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ATooLargeRateDivergesExitsThreeAndLeavesNoNaN()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "sobel-x", "--lr", "50", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.TrainingFailed, r.ExitCode);
        Assert.Contains("diverged", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(t.File("k.json")));
        string csv = File.ReadAllText(t.File("k.loss.csv"));
        Assert.DoesNotContain("NaN", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepDecayingRateDecaysInTheCsvAndStillLearnsTheTeacher()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync(
            "train", "--teacher", "edge-y", "--lr-decay", "0.8", "--lr-decay-every", "100", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.True(StudentFormat.MaxWeightError(KernelFile.Load(t.File("k.json")), KernelCatalogue.GetKernel("edge-y")) <= 0.02, r.Out);
        double[] rates = File.ReadAllLines(t.File("k.loss.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(rates.Length > 101, $"{rates.Length} steps");
        Assert.Equal(0.4, rates[99], 9);
        Assert.Equal(0.32, rates[100], 9);
        Assert.Contains("lr 0.4 x 0.8 every 100 steps", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargerStudentLearnsTheTeacherCentredInZeros()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "edge-x", "--size", "1x4", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        FixedKernel learned = KernelFile.Load(t.File("k.json"));
        Assert.Equal((1, 4), (learned.Rows, learned.Cols));
        FixedKernel padded = FixedKernel.FromIntegers("edge-x", 1, 4, [0, 1, -1, 0]);
        Assert.True(StudentFormat.MaxWeightError(learned, padded) <= 0.02, r.Out);
    }

    [Fact]
    public async Task ProgressGoesToStderrOnlyWhenItIsATerminal()
    {
        using var t = new TempFolder();
        var quiet = await RunWithTerminal(t, errorIsTerminal: false);
        var shown = await RunWithTerminal(t, errorIsTerminal: true);

        Assert.Equal(string.Empty, quiet.Error);
        Assert.Contains("iteration ", shown.Error, StringComparison.Ordinal);
        Assert.Contains("loss ", shown.Error, StringComparison.Ordinal);
        Assert.Contains("ETA", shown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ETA", shown.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sobel", "sobel-x")]
    [InlineData("sobel-z", "did you mean")]
    [InlineData("missing.json", "does not exist")]
    public async Task ATeacherThatIsNotOneKernelExitsTwo(string teacher, string hint)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", teacher, "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(hint, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2x2", "smaller than")]
    [InlineData("4x4", "even")]
    [InlineData("3", "RxC")]
    public async Task AStudentSizeThatCannotHoldTheTeacherExitsTwo(string size, string hint)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "sobel-x", "--size", size, "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(hint, r.Error, StringComparison.Ordinal);
        Assert.Contains("--size", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInputThatIsNotAnImageExitsTwoNamingIt()
    {
        using var t = new TempFolder();
        string bogus = t.Write("notes/photo.png", "not a picture");
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "sobel-x", "--input", bogus);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(bogus, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderOfImagesIsAnInput()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t.File("photos"));
        File.Copy(SampleImages.Files.Single(f => f.EndsWith("camera.png", StringComparison.Ordinal)), t.File("photos/camera.png"));
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "edge-y", "--input", t.File("photos"), "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("on 1 image(s) from", r.Out, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunWithTerminal(TempFolder t, bool errorIsTerminal)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            ErrorIsTerminal = errorIsTerminal,
            GetEnvironmentVariable = name => name == "HOME" ? t.Path : null,
            EnvironmentVariables = () => [],
            Settings = new EdgeDevice.Settings.SettingsSources(t.File("defaults/appsettings.json"), t.File("etc/appsettings.json")),
        };
        int code = await EdgeDeviceCli.InvokeAsync(["train", "--teacher", "edge-x", "--out", t.File($"k{errorIsTerminal}.json")], env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
