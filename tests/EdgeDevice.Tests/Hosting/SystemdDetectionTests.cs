using EdgeDevice.Hosting;

namespace EdgeDevice.Tests.Hosting;

public class SystemdDetectionTests
{
    [Fact]
    public void ANotifySocketMeansASystemdService()
    {
        Assert.True(SystemdDetection.IsSystemdService(name => name == "NOTIFY_SOCKET" ? "/run/systemd/notify" : null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithoutANotifySocketTheTestHostIsNoService(string? socket)
    {
        // The test host's parent is `dotnet test`, not systemd.
        Assert.False(SystemdDetection.IsSystemdService(name => name == "NOTIFY_SOCKET" ? socket : null));
    }
}
