using System.Globalization;
using EdgeDevice.Cli;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Training;

/// <summary>`train --experiment seed`: the seed notes' numbers, exactly for the float reference and within 0.01 for the fixed-point trainer.</summary>
public class SeedVerbTests
{
    // The seed notes' run from K = [0.9, -0.2], lr 0.03, 10 iterations.
    private static readonly string[] FloatLines =
    [
        "epoch 2, loss 5.699",
        "epoch 4, loss 2.094",
        "epoch 6, loss 0.817",
        "epoch 8, loss 0.328",
        "epoch 10, loss 0.133",
        "weights [1.0324, -0.9572]",
    ];

    [Fact]
    public async Task TheFloatTrainerPrintsTheNotesLinesExactly()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--trainer", "float");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Equal(FloatLines, Lines(r.Out));
        Assert.Equal(string.Empty, r.Error);
    }

    [Fact]
    public async Task TheDefaultFixedTrainerIsWithinOneHundredthOfTheFloatOutputEverywhere()
    {
        using var t = new TempFolder();
        CliResult byDefault = await new CliRunner(t).RunAsync("train", "--experiment", "seed");
        CliResult named = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--trainer", "fixed");

        Assert.Equal(ExitCodes.Success, byDefault.ExitCode);
        Assert.Equal(byDefault.Out, named.Out);
        string[] fixedLines = Lines(byDefault.Out);
        Assert.Equal(FloatLines.Length, fixedLines.Length);
        Assert.NotEqual(FloatLines, fixedLines);
        for (int i = 0; i < FloatLines.Length; i++)
        {
            double[] expected = Numbers(FloatLines[i]), actual = Numbers(fixedLines[i]);
            Assert.Equal(expected.Length, actual.Length);
            Assert.Equal(Words(FloatLines[i]), Words(fixedLines[i]));
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(expected[k] - actual[k]) <= 0.01, $"line {i}: '{fixedLines[i]}' vs '{FloatLines[i]}'");
            }
        }
    }

    [Theory]
    [InlineData("float")]
    [InlineData("fixed")]
    public async Task ANegativeInitWorksWithAnEqualsSignOrAsTheNextWord(string trainer)
    {
        using var t = new TempFolder();
        CliResult joined = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--init=-1,0.5", "--trainer", trainer);
        CliResult separate = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--init", "-1,0.5", "--trainer", trainer);
        CliResult fromDefault = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--trainer", trainer);

        Assert.Equal(ExitCodes.Success, joined.ExitCode);
        Assert.Equal(ExitCodes.Success, separate.ExitCode);
        Assert.Equal(joined.Out, separate.Out);
        Assert.NotEqual(fromDefault.Out, joined.Out);

        // K = [-1, 0.5] is far from [1, -1]: the first printed loss is large, and it falls.
        double[] losses = Lines(joined.Out).Where(l => l.StartsWith("epoch", StringComparison.Ordinal)).Select(l => Numbers(l)[1]).ToArray();
        Assert.Equal(5, losses.Length);
        Assert.True(losses[0] > losses[^1] * 10, string.Join(", ", losses));
    }

    [Fact]
    public async Task IterationsAndRateChangeTheRun()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--iterations", "40", "--lr", "0.02");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        string[] lines = Lines(r.Out);
        Assert.Equal(21, lines.Length);
        Assert.StartsWith("epoch 40, loss ", lines[19], StringComparison.Ordinal);
        double[] w = Numbers(lines[20]);
        Assert.True(Math.Abs(w[0] - 1) < 0.05 && Math.Abs(w[1] + 1) < 0.05, lines[20]);
    }

    [Theory]
    [InlineData("float")]
    [InlineData("fixed")]
    public async Task ADivergingRateExitsThreeWithAMessageAndNeverPrintsNaN(string trainer)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train", "--experiment", "seed", "--lr", "0.04", "--trainer", trainer);

        Assert.Equal(ExitCodes.TrainingFailed, r.ExitCode);
        Assert.DoesNotContain("NaN", r.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("weights", r.Out, StringComparison.Ordinal);
        Assert.Single(Lines(r.Error));
        Assert.Contains("diverged", r.Error, StringComparison.Ordinal);
        Assert.Contains("--lr 0.04", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--init", "1,2,3")]
    [InlineData("--init", "a,b")]
    [InlineData("--init", "1;2")]
    [InlineData("--trainer", "double")]
    [InlineData("--lr", "0")]
    [InlineData("--lr", "-0.1")]
    [InlineData("--iterations", "0")]
    [InlineData("--teacher", "sobel-x")]
    [InlineData("--bias", null)]
    [InlineData("--experiment", "other")]
    [InlineData("--no-such-option", null)]
    public async Task BadOptionsExitTwoWithOneSentence(string option, string? value)
    {
        using var t = new TempFolder();
        string[] args = option == "--experiment"
            ? ["train", option, value!]
            : value is null ? ["train", "--experiment", "seed", option] : ["train", "--experiment", "seed", option, value];
        CliResult r = await new CliRunner(t).RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
        Assert.Contains(option, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAFormTrainSaysWhatItNeeds()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("train");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Contains("--experiment seed", r.Error, StringComparison.Ordinal);
        Assert.Contains("--teacher", r.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double[] Numbers(string line) =>
        line.Split([' ', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(w => double.Parse(w, CultureInfo.InvariantCulture))
            .ToArray();

    private static string Words(string line) =>
        string.Join(' ', line.Split([' ', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
}
