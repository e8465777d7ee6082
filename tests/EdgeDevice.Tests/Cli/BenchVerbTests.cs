using System.Text.Json;
using EdgeDevice.Cli;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

public class BenchVerbTests
{
    [Fact]
    public async Task JsonHasOneObjectPerStageWithTheInterfaceFields()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("bench", "--size", "64x48", "--kernel", "edge-x", "--seconds", "0.2", "--json");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Out);
        JsonElement[] rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["core", "pipeline"], rows.Select(x => x.GetProperty("stage").GetString()));
        foreach (JsonElement row in rows)
        {
            Assert.Equal("edge-x", row.GetProperty("kernel").GetString());
            Assert.Equal(64, row.GetProperty("width").GetInt32());
            Assert.Equal(48, row.GetProperty("height").GetInt32());
            Assert.Contains(row.GetProperty("path").GetString(), new[] { "vector256", "vector128", "scalar" });
            Assert.True(row.GetProperty("framesPerSecond").GetDouble() > 0);
            Assert.True(row.GetProperty("mpixPerSecond").GetDouble() > 0);
            Assert.Equal(0, row.GetProperty("bytesAllocatedPerFrame").GetDouble());
        }
    }

    [Fact]
    public async Task TheTableNamesBothStages()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("bench", "--size", "32x32", "--seconds", "0.1");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("core", r.Out);
        Assert.Contains("pipeline", r.Out);
    }

    [Theory]
    [InlineData("--size", "0x10")]
    [InlineData("--seconds", "-1")]
    [InlineData("--kernel", "nope")]
    public async Task BadArgumentsExit2(string option, string value)
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("bench", option, value, "--seconds", option == "--seconds" ? value : "0.1");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
    }
}
