using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// A release that does not become healthy is undone: `current` goes back to the previous
/// release, which is restarted, and the deploy says what failed. The service manager's calls
/// show the order: switch, restart, health, switch back, restart again.
/// </summary>
public sealed class RollbackTests
{
    [SkippableFact]
    public void A_release_without_a_fresh_heartbeat_is_rolled_back()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        ProcessResult first = DeployScript.DeployTo(device, "v1");
        Assert.True(first.ExitCode == 0, first.Describe());
        int callsBefore = device.SystemctlCalls.Count;
        device.Misbehave("no-heartbeat-v2");

        ProcessResult second = DeployScript.DeployTo(device, "v2", healthTimeoutSeconds: 6);

        Assert.Equal(1, second.ExitCode);
        Assert.Matches(@"(?m)^\s+pi@127\.0\.0\.1:\d+\s+FAILED\s+release v2 is not healthy after 6s: .*info --health.*; rolled back to v1$", second.StandardOutput);
        Assert.Equal("v1", device.CurrentRelease());
        Assert.Contains("v2", device.Releases());   // kept for a look, not current
        Assert.Equal("/opt/edgedevice/current/EdgeDevice", new FileInfo(device.HostPath("/usr/local/bin/edgedevice")).LinkTarget);
        AssertRestartedTwice(device.SystemctlCalls.Skip(callsBefore).ToList());

        // The rolled-back release is what answers now.
        ProcessResult health = device.Ssh($"STATE_DIRECTORY={SimulatedDevice.StateDirectory} edgedevice info --health");
        Assert.True(health.ExitCode == 0, health.Describe());
    }

    [SkippableFact]
    public void A_release_whose_service_fails_to_start_is_rolled_back()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        ProcessResult first = DeployScript.DeployTo(device, "v1");
        Assert.True(first.ExitCode == 0, first.Describe());
        int callsBefore = device.SystemctlCalls.Count;
        device.Misbehave("fail-start-v2");

        ProcessResult second = DeployScript.DeployTo(device, "v2", healthTimeoutSeconds: 6);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("'systemctl restart edgedevice.service' failed", second.StandardOutput);
        Assert.Contains("rolled back to v1", second.StandardOutput);
        Assert.Equal("v1", device.CurrentRelease());
        IReadOnlyList<string> calls = device.SystemctlCalls.Skip(callsBefore).ToList();
        Assert.Equal(["enable edgedevice.service", "restart edgedevice.service", "restart edgedevice.service"], calls.Take(3));
        Assert.Equal("is-active edgedevice.service", calls[^1]);
    }

    [SkippableFact]
    public void A_failed_first_release_has_nothing_to_go_back_to_and_stops_the_service()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        device.Misbehave("no-heartbeat-v1");

        ProcessResult deploy = DeployScript.DeployTo(device, "v1", healthTimeoutSeconds: 4);

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains("there was no previous release to roll back to", deploy.StandardOutput);
        Assert.Equal("stop edgedevice.service", device.SystemctlCalls[^1]);
    }

    /// <summary>restart (new release), health polls, restart (previous release), health polls.</summary>
    private static void AssertRestartedTwice(IReadOnlyList<string> calls)
    {
        int[] restarts = calls.Select((c, i) => (c, i)).Where(p => p.c == "restart edgedevice.service").Select(p => p.i).ToArray();
        Assert.True(restarts.Length == 2, string.Join("\n", calls));
        Assert.Contains("is-active edgedevice.service", calls.Skip(restarts[0]).Take(restarts[1] - restarts[0]));
        Assert.Equal("is-active edgedevice.service", calls[^1]);
    }
}
