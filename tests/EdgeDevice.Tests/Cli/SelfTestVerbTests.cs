using System.Runtime.Intrinsics;
using EdgeDevice.Cli;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

public class SelfTestVerbTests
{
    [Fact]
    public async Task PassesAndNamesThePathsItChecked()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("selftest", "--cases", "2");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("selftest passed", r.Out);
        if (Vector128.IsHardwareAccelerated)
        {
            Assert.Contains("Vector128", r.Out);
            Assert.Contains("identical", r.Out);
        }
        else
        {
            Assert.Contains("no vector paths on this CPU", r.Out);
        }
    }

    [Fact]
    public async Task BadCaseCountExits2()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).RunAsync("selftest", "--cases", "0");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
    }
}
