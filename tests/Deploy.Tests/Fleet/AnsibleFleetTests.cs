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

        ProcessResult first = AnsibleRun.Playbook(fleet, "a1", ProgramBuilds.Arm64PublishFolder);

        Assert.True(first.ExitCode == 0, first.Describe());
        foreach (SimulatedDevice device in fleet.Devices)
        {
            Assert.Equal("a1", device.CurrentRelease());
            Assert.Equal(File.ReadAllBytes(ProgramBuilds.Arm64Executable), File.ReadAllBytes(device.HostPath("/opt/edgedevice/releases/a1/EdgeDevice")));
            Assert.Equal(File.ReadAllText(RepoPaths.UnitFile), File.ReadAllText(device.HostPath("/etc/systemd/system/edgedevice.service")));
            Assert.Equal("/opt/edgedevice/current/EdgeDevice", new FileInfo(device.HostPath("/usr/local/bin/edgedevice")).LinkTarget);
            Assert.Contains("edgedevice", DeviceFiles.GroupMembers(device, "spi") ?? []);
            Assert.True(File.Exists(device.HostPath("/etc/edgedevice/appsettings.json")));
        }

        broken.Misbehave("no-heartbeat-a2");
        int brokenCallsBefore = broken.SystemctlCalls.Count;

        ProcessResult second = AnsibleRun.Playbook(fleet, "a2", ProgramBuilds.Arm64PublishFolder, healthTimeoutSeconds: 6);

        Assert.Equal(2, second.ExitCode);   // ansible-playbook: some host failed
        Assert.Matches(Recap("pi0", failed: 0), second.StandardOutput);
        Assert.Matches(Recap("pi1", failed: 1), second.StandardOutput);
        Assert.Matches(Recap("pi2", failed: 0), second.StandardOutput);
        Assert.Contains("release a2 is not healthy on pi1", second.StandardOutput);
        Assert.Contains("rolled back to a1", second.StandardOutput);

        Assert.Equal("a2", fleet.Devices[0].CurrentRelease());
        Assert.Equal("a1", broken.CurrentRelease());
        Assert.Equal("a2", fleet.Devices[2].CurrentRelease());
        IReadOnlyList<string> calls = broken.SystemctlCalls.Skip(brokenCallsBefore).ToList();
        Assert.Equal(2, calls.Count(c => c == "restart edgedevice.service"));
        Assert.Equal("restart edgedevice.service", calls[^1]);
    }

    private static Regex Recap(string host, int failed) =>
        new($@"(?m)^{host}\s+: ok=\d+\s+changed=\d+\s+unreachable=0\s+failed={failed}\s");
}
