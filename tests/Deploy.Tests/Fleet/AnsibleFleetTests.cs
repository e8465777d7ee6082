using System.Text.RegularExpressions;
using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Fleet;

/// <summary>
/// The Ansible playbook on a fleet of three: the same release layout, unit, health check and
/// rollback as deploy.sh. A device whose new release is unhealthy is rolled back and reported
/// in the recap; the others are not held up.
/// </summary>
public sealed class AnsibleFleetTests
{
    [SkippableFact]
    public void The_playbook_deploys_a_fleet_and_rolls_back_the_one_that_fails()
    {
        Prerequisites.Fleet();
        Prerequisites.Command("ansible-playbook", "ansible-core");
        using var fleet = Infrastructure.Fleet.Start(new DeviceOptions(), new DeviceOptions(), new DeviceOptions());
        SimulatedDevice broken = fleet.Devices[1];

        // The broken Pi already runs a release (deployed by deploy.sh: both share one layout);
        // its new one will never beat. The other two are new.
        ProcessResult earlier = DeployScript.Run(
            [
                "--publish-dir", ProgramBuilds.Arm64PublishFolder, "--version", "a0",
                .. broken.DeployArguments(knownHosts: fleet.KnownHosts), broken.Target,
            ],
            fleet.ControllerNamespace);
        Assert.True(earlier.ExitCode == 0, earlier.Describe());
        broken.Misbehave("no-heartbeat-a1");
        int brokenCallsBefore = broken.SystemctlCalls.Count;

        ProcessResult run = AnsibleRun.Playbook(fleet, "a1", ProgramBuilds.Arm64PublishFolder, healthTimeoutSeconds: 20);

        Assert.True(run.ExitCode == 2, run.Describe());   // ansible-playbook: a host failed
        Assert.Matches(Recap("pi0", failed: 0), run.StandardOutput);
        Assert.Matches(Recap("pi1", failed: 1), run.StandardOutput);
        Assert.Matches(Recap("pi2", failed: 0), run.StandardOutput);
        Assert.Contains("release a1 is not healthy on pi1", run.StandardOutput);
        Assert.Contains("rolled back to a0", run.StandardOutput);

        foreach (SimulatedDevice device in new[] { fleet.Devices[0], fleet.Devices[2] })
        {
            Assert.Equal("a1", device.CurrentRelease());
            Assert.Equal(File.ReadAllBytes(ProgramBuilds.Arm64Executable), File.ReadAllBytes(device.HostPath("/opt/edgedevice/releases/a1/EdgeDevice")));
            Assert.Equal(File.ReadAllText(RepoPaths.UnitFile), File.ReadAllText(device.HostPath("/etc/systemd/system/edgedevice.service")));
            Assert.Equal("/opt/edgedevice/current/EdgeDevice", new FileInfo(device.HostPath("/usr/local/bin/edgedevice")).LinkTarget);
            Assert.Equal("/usr/sbin/nologin", DeviceFiles.PasswdEntry(device, "edgedevice")?[6]);
            foreach (string group in new[] { "gpio", "spi", "i2c", "video" })
            {
                Assert.Contains("edgedevice", DeviceFiles.GroupMembers(device, group) ?? []);
            }

            Assert.True(File.Exists(device.HostPath("/etc/edgedevice/appsettings.json")));
            Assert.Equal(["daemon-reload", "enable edgedevice.service", "restart edgedevice.service"], device.SystemctlCalls.Take(3));
        }

        Assert.Equal("a0", broken.CurrentRelease());
        IReadOnlyList<string> calls = broken.SystemctlCalls.Skip(brokenCallsBefore).ToList();
        Assert.Equal(2, calls.Count(c => c == "restart edgedevice.service"));
        Assert.Equal("restart edgedevice.service", calls[^1]);
    }

    private static Regex Recap(string host, int failed) =>
        new($@"(?m)^{host}\s+: ok=\d+\s+changed=\d+\s+unreachable=0\s+failed={failed}\s");
}
