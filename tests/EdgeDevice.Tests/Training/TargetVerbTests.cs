using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.KernelFiles;
using EdgeDevice.Npy;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Support;
using EdgeDevice.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Training;

/// <summary>`train --input X --target Y`: learning the kernel (and bias) that maps one image to a given map.</summary>
public class TargetVerbTests
{
    private static readonly string Photo = SampleImages.Files.Single(f => f.EndsWith("coffee.png", StringComparison.Ordinal));

    [Fact]
    public async Task AnInt16NpyTargetTeachesTheKernelThatMadeIt()
    {
        using var t = new TempFolder();
        string y = WriteTarget(t, "sobel-y", bias: 0);
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", y, "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        FixedKernel learned = KernelFile.Load(t.File("k.json"));
        Assert.Equal((3, 3), (learned.Rows, learned.Cols));
        Assert.True(StudentFormat.MaxWeightError(learned, KernelCatalogue.GetKernel("sobel-y")) <= 0.02, r.Out);
        Assert.Equal(0, learned.Bias);
        Assert.Contains("a 3x3 kernel (size from the shapes)", r.Out, StringComparison.Ordinal);
        Assert.Equal("learned-y", learned.Name);
    }

    [Fact]
    public async Task WithBiasItLearnsTheOffsetToo()
    {
        using var t = new TempFolder();
        string y = WriteTarget(t, "edge-x", bias: 20);
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", y, "--size", "1x2", "--bias", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        FixedKernel learned = KernelFile.Load(t.File("k.json"));
        double bias = learned.Bias / Math.ScaleB(1.0, learned.FractionBits);
        Assert.True(Math.Abs(bias - 20) <= 0.5, $"bias {bias}\n{r.Out}");
        Assert.True(StudentFormat.MaxWeightError(learned, KernelCatalogue.GetKernel("edge-x")) <= 0.02, r.Out);
        Assert.Contains("with bias", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUint8NpyInputAndAPngTargetWork()
    {
        // Y is X without its one-pixel border: the kernel with a single 1 in the middle.
        using var t = new TempFolder();
        LumaFrame x = ImageDecoder.Create().DecodeLuma(Photo);
        var pixels = new byte[x.Width * x.Height];
        x.AsPlane().Data[..pixels.Length].CopyTo(pixels);
        NpyWriter.Write(t.File("x.npy"), new ReadOnlyPlane<byte>(pixels, x.Width, x.Height));
        using (var png = new Image<L8>(x.Width - 2, x.Height - 2))
        {
            for (int r = 0; r < png.Height; r++)
            {
                for (int c = 0; c < png.Width; c++)
                {
                    png[c, r] = new L8(pixels[((r + 1) * x.Width) + c + 1]);
                }
            }

            png.SaveAsPng(t.File("y.png"));
        }

        CliResult result = await new CliRunner(t).RunAsync("train", "--input", t.File("x.npy"), "--target", t.File("y.png"), "--size", "3x3", "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        FixedKernel centre = FixedKernel.FromIntegers("centre", 3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 0]);
        Assert.True(StudentFormat.MaxWeightError(KernelFile.Load(t.File("k.json")), centre) <= 0.02, result.Out);
    }

    [Fact]
    public async Task ATargetNoKernelCanProduceIsNotConvergingExitThree()
    {
        // Y = X^2 / 255 is not linear in X: the loss stops falling far above the target.
        using var t = new TempFolder();
        LumaFrame x = ImageDecoder.Create().DecodeLuma(Photo);
        byte[] squared = new byte[x.Width * x.Height];
        for (int i = 0; i < squared.Length; i++)
        {
            int p = x.Pixels[i];
            squared[i] = (byte)(p * p / 255);
        }

        NpyWriter.Write(t.File("y.npy"), new ReadOnlyPlane<byte>(squared, x.Width, x.Height));
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", t.File("y.npy"), "--out", t.File("k.json"));

        Assert.Equal(ExitCodes.TrainingFailed, r.ExitCode);
        Assert.Contains("is not converging", r.Error, StringComparison.Ordinal);
        Assert.Contains("a 1x1 kernel (size from the shapes)", r.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(t.File("k.json")));
        Assert.True(File.Exists(t.File("k.loss.csv")));
    }

    [Fact]
    public async Task AMissingTargetExitsTwoNamingIt()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", t.File("nothing.npy"));

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(t.File("nothing.npy"), r.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongDtypeExitsTwoNamingTheDtype()
    {
        using var t = new TempFolder();
        NpyWriter.Write(t.File("y.npy"), new ReadOnlyPlane<int>(new int[298 * 198], 298, 198));
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", t.File("y.npy"));

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("'<i4'", r.Error, StringComparison.Ordinal);
        Assert.Contains(t.File("y.npy"), r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShapeThatDoesNotFitTheSizeExitsTwoWithTheFormula()
    {
        using var t = new TempFolder();
        string y = WriteTarget(t, "sobel-x", bias: 0);
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", y, "--size", "5x5");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("has shape (198, 298)", r.Error, StringComparison.Ordinal);
        Assert.Contains("gives (196, 296)", r.Error, StringComparison.Ordinal);
        Assert.Contains("(H - kh + 1) x (W - kw + 1)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATargetLargerThanTheInputExitsTwo()
    {
        using var t = new TempFolder();
        NpyWriter.Write(t.File("y.npy"), new ReadOnlyPlane<short>(new short[400 * 10], 400, 10));
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", t.File("y.npy"));

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("larger than", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInputThatIsNotAnImageExitsTwoNamingIt()
    {
        using var t = new TempFolder();
        string x = t.Write("x.png", "plain text");
        string y = WriteTarget(t, "sobel-x", bias: 0);
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", x, "--target", y);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(x, r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("y.txt", "neither a .npy file nor an image")]
    [InlineData("y.npy", "not a .npy file")]
    public async Task ATargetThatIsNotATargetFileExitsTwo(string name, string hint)
    {
        using var t = new TempFolder();
        string y = t.Write(name, "plain text");
        CliResult r = await new CliRunner(t).RunAsync("train", "--input", Photo, "--target", y);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(hint, r.Error, StringComparison.Ordinal);
        Assert.Contains(y, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--teacher")]
    [InlineData("--no-input")]
    [InlineData("--trainer")]
    public async Task OptionsThatDoNotFitTheTargetFormExitTwo(string variant)
    {
        using var t = new TempFolder();
        string y = WriteTarget(t, "sobel-x", bias: 0);
        string[] args = variant switch
        {
            "--teacher" => ["train", "--input", Photo, "--target", y, "--teacher", "sobel-x"],
            "--trainer" => ["train", "--input", Photo, "--target", y, "--trainer", "float"],
            _ => ["train", "--target", y],
        };
        CliResult r = await new CliRunner(t).RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
        Assert.NotEqual(string.Empty, r.Error);
    }

    [Fact]
    public async Task BiasDoesNotApplyToATeacher()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--teacher", "sobel-x", "--bias");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("--bias does not apply", r.Error, StringComparison.Ordinal);
    }

    /// <summary>Writes Y = corr(X, kernel) + bias (valid mode, exact) of the photo as an int16 .npy.</summary>
    private static string WriteTarget(TempFolder t, string kernel, int bias)
    {
        LumaFrame x = ImageDecoder.Create().DecodeLuma(Photo);
        FixedKernel k = KernelCatalogue.GetKernel(kernel);
        int ow = x.Width - k.Cols + 1, oh = x.Height - k.Rows + 1;
        var acc = new int[ow * oh];
        Correlator.Correlate(x.AsPlane(), k, new Plane<int>(acc, ow, oh), CorrelationOptions.Valid);
        short[] y = Array.ConvertAll(acc, v => checked((short)(v + bias)));
        string path = t.File("y.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<short>(y, ow, oh));
        return path;
    }
}
