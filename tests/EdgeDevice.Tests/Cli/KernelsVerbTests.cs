using EdgeDevice.Cli;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

public class KernelsVerbTests
{
    [Fact]
    public async Task ListsEveryCatalogueNameWithItsSize()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("kernels");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        string[] lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(17, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("edge-x") && l.Contains("1x2"));
        Assert.Contains(lines, l => l.StartsWith("gaussian5") && l.Contains("5x5"));
    }

    [Fact]
    public async Task PrintsTheSeedKernelAsAMatrix()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("kernels", "edge-x");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("[  1  -1 ]", r.Out);
    }

    [Fact]
    public async Task AnUnknownNameSuggestsTheNearestAndExits2()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("kernels", "sobelx");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("Unknown kernel 'sobelx'; did you mean 'sobel-x'?", r.Error);
    }

    [Fact]
    public async Task AKernelFileIsPrinted()
    {
        using var t = new TempFolder();
        string path = t.Write("k.json", """{ "format": "edgedevice-kernel/1", "name": "mine", "rows": 1, "cols": 2, "fractionBits": 1, "weights": [1, -3] }""");
        CliResult r = await new CliRunner(t).RunAsync("kernels", path);
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("[  0.5000  -1.5000 ]", r.Out);
    }

    [Theory]
    [InlineData("kernels", "--bogus")]
    [InlineData("info", "--bogus")]
    [InlineData("nonsense-verb-with-dash", "--x")]
    public async Task UnknownOptionsAreErrorsWithExitCode2(string verb, string option)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync(verb, option);
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains(option, r.Error);
    }
}
