using EdgeDevice.Cli;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

public class RunVerbTests
{
    [Fact]
    public async Task PipedOutputGivesEveryFrameButTheStatusLineOnce()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).WithEnvironment("NO_COLOR", "1").RunAsync(
            "run", "--display", "terminal", "--frames", "5", "--matrix", "4x3");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        string[] lines = r.Out.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        string status = Assert.Single(lines, l => l.Contains(" | keys:", StringComparison.Ordinal));
        Assert.StartsWith("sobel", status, StringComparison.Ordinal);
        int matrixRows = lines.Count(l => l.Length == 4 && l.All(c => TerminalRamp.Contains(c)));
        Assert.True(matrixRows >= 5 * 3, $"expected at least 5 frames of 3 rows, got {matrixRows} rows:\n{r.Out}");
    }

    private const string TerminalRamp = " .:-=+*#%@";
}
