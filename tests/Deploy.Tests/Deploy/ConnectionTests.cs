using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// SSH trouble, each told apart in the summary: a host key that is not the pinned one, a
/// host never pinned (refused unless the user explicitly allows trust on first use), a key
/// the device does not accept, nobody listening. BatchMode: none of them waits for a prompt.
/// </summary>
public sealed class ConnectionTests
{
    [SkippableFact]
    public void A_host_key_that_differs_from_the_pinned_one_is_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        string impostor = ClientKeys.Generate("impostor");
        string knownHosts = Path.Combine(device.Root, "ssh", "known_hosts.wrong");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{device.Port} {string.Join(' ', ClientKeys.PublicKeyOf(impostor).Split(' ').Take(2))}\n");

        ProcessResult deploy = DeployScript.DeployTo(device, "v1", 40, "--known-hosts", knownHosts);

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains("host key mismatch: 127.0.0.1 presented a different key than the one pinned", deploy.StandardOutput);
        Assert.Empty(device.SystemctlCalls);
    }

    [SkippableFact]
    public void An_unpinned_host_is_refused_unless_trust_on_first_use_is_asked_for()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        string knownHosts = Path.Combine(device.Root, "ssh", "known_hosts.empty");
        File.WriteAllText(knownHosts, "");

        ProcessResult refused = DeployScript.DeployTo(device, "v1", 40, "--known-hosts", knownHosts, "--dry-run");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("host key unknown: 127.0.0.1 is not in", refused.StandardOutput);
        Assert.Contains("--accept-new-host-key", refused.StandardOutput);
        Assert.Equal("", File.ReadAllText(knownHosts));

        ProcessResult accepted = DeployScript.DeployTo(device, "v1", 40, "--known-hosts", knownHosts, "--dry-run", "--accept-new-host-key");
        Assert.True(accepted.ExitCode == 0, accepted.Describe());
        Assert.Contains(device.KnownHostsLine.Split(' ')[2], File.ReadAllText(knownHosts));   // now pinned
    }

    [SkippableFact]
    public void A_key_the_device_does_not_accept_is_reported_as_authentication_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();

        ProcessResult deploy = DeployScript.DeployTo(device, "v1", 40, "--identity", ClientKeys.Unknown);

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains($"authentication refused: pi@127.0.0.1 did not accept the SSH key", deploy.StandardOutput);
    }

    [SkippableFact]
    public void A_host_nobody_answers_on_is_reported_unreachable_and_the_others_still_deploy()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        string dead = $"pi@127.0.0.1:{closedPort}";
        ProcessResult deploy = DeployScript.DeployTo(device, "v1", 40, dead);

        Assert.Equal(1, deploy.ExitCode);
        Assert.Matches($@"(?m)^\s+{dead.Replace(".", "\\.", StringComparison.Ordinal)}\s+FAILED\s+unreachable: 127\.0\.0\.1 does not answer on SSH .*Connection refused", deploy.StandardOutput);
        Assert.Matches(@"(?m)^\s+pi@127\.0\.0\.1:\d+\s+ok\s+v1 is current and healthy", deploy.StandardOutput);
        Assert.Contains("1 of 2 host(s) failed", deploy.StandardOutput);
        Assert.Equal("v1", device.CurrentRelease());
    }
}
