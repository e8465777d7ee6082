using EdgeDevice.Cli;
using EdgeDevice.Platform;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

public class InfoVerbTests
{
    [Fact]
    public async Task HealthFailsWithoutAHeartbeat()
    {
        using var t = new TempFolder();
        CliResult r = await new CliRunner(t).WithEnvironment("STATE_DIRECTORY", t.File("state")).RunAsync("info", "--health");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no heartbeat file", r.Error);
    }

    [Fact]
    public async Task HealthPassesWithAFreshHeartbeatAndFailsWithAStaleOne()
    {
        using var t = new TempFolder();
        string state = t.File("state");
        var beat = new Heartbeat(Path.Combine(state, StatePaths.HeartbeatFileName), TimeProvider.System);
        beat.Beat();
        CliResult fresh = await new CliRunner(t).WithEnvironment("STATE_DIRECTORY", state).RunAsync("info", "--health");
        Assert.Equal(0, fresh.ExitCode);

        File.SetLastWriteTimeUtc(beat.Path, DateTime.UtcNow.AddSeconds(-6));
        CliResult stale = await new CliRunner(t).WithEnvironment("STATE_DIRECTORY", state).RunAsync("info", "--health");
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("stuck or stopped", stale.Error);
    }

    [Fact]
    public void OnAPiWithoutSpiTheFixIsTheRaspiConfigCommand()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t.File("dev"));
        File.WriteAllText(t.File("dev/i2c-1"), string.Empty);
        var output = new StringWriter();
        var env = new CliEnvironment { Out = output, Error = new StringWriter(), GetEnvironmentVariable = _ => null };
        InfoCommand.Describe(env, new BoardInfo("Raspberry Pi 4 Model B Rev 1.4"), new DeviceNodes(t.File("dev")));
        string text = output.ToString();
        Assert.Contains("sudo raspi-config nonint do_spi 0", text);
        Assert.Contains("i2c:      enabled", text);
    }

    [Theory]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0\0", true, true)]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4\0", true, false)]
    [InlineData("QEMU Virtual Machine", false, false)]
    public void BoardDetectionReadsTheDeviceTreeModel(string model, bool isPi, bool isPi5)
    {
        using var t = new TempFolder();
        BoardInfo b = BoardInfo.Detect(t.Write("model", model));
        Assert.Equal(isPi, b.IsRaspberryPi);
        Assert.Equal(isPi5, b.IsRaspberryPi5);
        Assert.False(b.Model!.Contains('\0'));
    }

    [Fact]
    public void NoModelFileMeansNoPi() => Assert.False(BoardInfo.Detect("/nonexistent/model").IsRaspberryPi);

    [Fact]
    public void StateDirectoryFollowsSystemdThenXdgThenHome()
    {
        Assert.Equal("/var/lib/edgedevice", StatePaths.StateDirectory(n => n == "STATE_DIRECTORY" ? "/var/lib/edgedevice:/other" : null));
        Assert.Equal("/x/edgedevice", StatePaths.StateDirectory(n => n == "XDG_STATE_HOME" ? "/x" : null));
        Assert.Equal("/home/pi/.local/state/edgedevice", StatePaths.StateDirectory(n => n == "HOME" ? "/home/pi" : null));
    }
}
