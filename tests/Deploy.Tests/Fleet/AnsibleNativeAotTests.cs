using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Fleet;

/// <summary>
/// The playbook treats a NativeAOT release as deploy.sh does: the drop-in with
/// MemoryDenyWriteExecute=yes is installed for it, removed for a JIT release, and follows a
/// rollback back to the release that is current again.
/// </summary>
public sealed class AnsibleNativeAotTests
{
    private const string DropIn = "/etc/systemd/system/edgedevice.service.d/nativeaot.conf";

    [SkippableFact]
    public void The_playbook_installs_the_drop_in_for_a_nativeaot_release_only_and_restores_it_on_rollback()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.Fleet();
        Prerequisites.Command("ansible-playbook", "ansible-core");
        using var fleet = Infrastructure.Fleet.Start(new DeviceOptions());
        SimulatedDevice device = fleet.Devices[0];
        string dropIn = device.HostPath(DropIn);

        ProcessResult aot = AnsibleRun.Playbook(fleet, "p1", ProgramBuilds.AotPublishFolder, healthTimeoutSeconds: 20);
        Assert.True(aot.ExitCode == 0, aot.Describe());
        Assert.Equal(File.ReadAllText(RepoPaths.NativeAotDropIn), File.ReadAllText(dropIn));

        // A JIT release that never beats: the drop-in goes for it and comes back with p1.
        device.Misbehave("no-heartbeat-p2");
        int callsBefore = device.SystemctlCalls.Count;
        ProcessResult failing = AnsibleRun.Playbook(fleet, "p2", ProgramBuilds.Arm64PublishFolder, healthTimeoutSeconds: 6);
        Assert.True(failing.ExitCode == 2, failing.Describe());
        Assert.Contains("rolled back to p1", failing.StandardOutput);
        Assert.Equal("p1", device.CurrentRelease());
        Assert.Equal(File.ReadAllText(RepoPaths.NativeAotDropIn), File.ReadAllText(dropIn));
        IReadOnlyList<string> calls = device.SystemctlCalls.Skip(callsBefore).ToList();
        Assert.Equal(2, calls.Count(c => c == "daemon-reload"));   // drop-in removed, then put back

        ProcessResult jit = AnsibleRun.Playbook(fleet, "p3", ProgramBuilds.Arm64PublishFolder, healthTimeoutSeconds: 20);
        Assert.True(jit.ExitCode == 0, jit.Describe());
        Assert.Equal("p3", device.CurrentRelease());
        Assert.False(File.Exists(dropIn), "the JIT release kept MemoryDenyWriteExecute");
    }
}
