using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// A NativeAOT release (deploy.sh --aot) on a simulated Pi: its own frame loop makes the device
/// healthy, and the service gets the drop-in edgedevice.service.d/nativeaot.conf
/// (MemoryDenyWriteExecute=yes) exactly while a NativeAOT release is current: installed for
/// one, removed for a JIT release, and put back or taken away again by a rollback.
/// </summary>
public sealed class NativeAotDeployTests
{
    private const string DropIn = "/etc/systemd/system/edgedevice.service.d/nativeaot.conf";

    [SkippableFact]
    public void An_aot_release_becomes_healthy_with_the_drop_in_and_a_jit_release_takes_the_drop_in_away()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        device.RunRealService();

        // Healthy here means the deployed NativeAOT `EdgeDevice run` (under qemu-user) beat.
        ProcessResult aot = DeployScript.DeployFolderTo(ProgramBuilds.AotPublishFolder, device, "v1", healthTimeoutSeconds: 90);

        Assert.True(aot.ExitCode == 0, aot.Describe());
        Assert.Contains("device: health: healthy: heartbeat", aot.StandardOutput);
        Assert.Contains("Source synthetic", File.ReadAllText(device.HostPath("/srv/service.log")));
        Assert.Equal(File.ReadAllBytes(ProgramBuilds.AotExecutable), File.ReadAllBytes(device.HostPath("/opt/edgedevice/releases/v1/EdgeDevice")));
        Assert.Equal(File.ReadAllText(RepoPaths.NativeAotDropIn), File.ReadAllText(device.HostPath(DropIn)));
        Assert.Equal(File.ReadAllText(RepoPaths.UnitFile), File.ReadAllText(device.HostPath("/etc/systemd/system/edgedevice.service")));
        Assert.Equal(["daemon-reload", "enable edgedevice.service", "restart edgedevice.service"], device.SystemctlCalls.Take(3));
        ProcessResult info = device.Ssh("edgedevice info");
        Assert.True(info.ExitCode == 0, info.Describe());
        Assert.Contains("AdvSimd yes", info.StandardOutput);
        int callsBefore = device.SystemctlCalls.Count;

        ProcessResult jit = DeployScript.DeployTo(device, "v2", healthTimeoutSeconds: 120);

        Assert.True(jit.ExitCode == 0, jit.Describe());
        Assert.Equal("v2", device.CurrentRelease());
        Assert.Contains($"removing {DropIn} (release v2 runs with the JIT)", jit.StandardOutput);
        Assert.False(File.Exists(device.HostPath(DropIn)), "the JIT release still has MemoryDenyWriteExecute");
        Assert.False(Directory.Exists(Path.GetDirectoryName(device.HostPath(DropIn))), "the empty drop-in folder was left behind");
        // The unit itself did not change, the drop-in did: systemd is told before the restart.
        Assert.Equal(["daemon-reload", "enable edgedevice.service", "restart edgedevice.service"], device.SystemctlCalls.Skip(callsBefore).Take(3));
    }

    [SkippableFact]
    public void A_rollback_gives_the_previous_release_its_own_drop_in_state_back()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        string dropIn = device.HostPath(DropIn);

        // NativeAOT current; a JIT release that never beats is rolled back: the drop-in returns.
        ProcessResult v1 = DeployScript.DeployFolderTo(ProgramBuilds.AotPublishFolder, device, "v1");
        Assert.True(v1.ExitCode == 0, v1.Describe());
        device.Misbehave("no-heartbeat-v2");
        ProcessResult v2 = DeployScript.DeployTo(device, "v2", healthTimeoutSeconds: 5);

        Assert.Equal(1, v2.ExitCode);
        Assert.Contains("rolled back to v1", v2.StandardOutput);
        Assert.Contains($"removing {DropIn} (release v2 runs with the JIT)", v2.StandardOutput);
        Assert.Contains($"installing {DropIn} (release v1 is NativeAOT", v2.StandardOutput);
        Assert.Equal(File.ReadAllText(RepoPaths.NativeAotDropIn), File.ReadAllText(dropIn));

        // JIT current; a NativeAOT release that never beats is rolled back: the drop-in goes.
        ProcessResult v3 = DeployScript.DeployTo(device, "v3");
        Assert.True(v3.ExitCode == 0, v3.Describe());
        Assert.False(File.Exists(dropIn));
        device.Misbehave("no-heartbeat-v4");
        int callsBefore = device.SystemctlCalls.Count;
        ProcessResult v4 = DeployScript.DeployFolderTo(ProgramBuilds.AotPublishFolder, device, "v4", healthTimeoutSeconds: 5);

        Assert.Equal(1, v4.ExitCode);
        Assert.Contains("rolled back to v3", v4.StandardOutput);
        Assert.Contains($"installing {DropIn} (release v4 is NativeAOT", v4.StandardOutput);
        Assert.Contains($"removing {DropIn} (release v3 runs with the JIT)", v4.StandardOutput);
        Assert.False(File.Exists(dropIn), "the rolled-back JIT release kept MemoryDenyWriteExecute");
        Assert.Equal("v3", device.CurrentRelease());
        // Each drop-in change reaches systemd before the restart that depends on it.
        IReadOnlyList<string> calls = device.SystemctlCalls.Skip(callsBefore).ToList();
        int[] reloads = calls.Select((c, i) => (c, i)).Where(p => p.c == "daemon-reload").Select(p => p.i).ToArray();
        int[] restarts = calls.Select((c, i) => (c, i)).Where(p => p.c == "restart edgedevice.service").Select(p => p.i).ToArray();
        Assert.Equal(2, reloads.Length);
        Assert.Equal(2, restarts.Length);
        Assert.True(reloads[0] < restarts[0] && restarts[0] < reloads[1] && reloads[1] < restarts[1], string.Join("\n", calls));
    }
}
