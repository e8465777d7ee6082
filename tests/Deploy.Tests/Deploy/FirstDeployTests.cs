using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// One deploy of the real linux-arm64 build to a fresh simulated Pi with the Pi's default
/// paths, then everything the deploy promises is checked on the device.
/// </summary>
public sealed class FirstDeployTests
{
    private static readonly string[] ServiceGroups = ["gpio", "spi", "i2c", "video"];

    [SkippableFact]
    public void A_first_deploy_lays_out_the_release_and_installs_the_service()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();

        ProcessResult deploy = DeployScript.DeployTo(device, "v1");

        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        Assert.Matches(@"(?m)^\s+pi@127\.0\.0\.1:\d+\s+ok\s+v1 is current and healthy", deploy.StandardOutput);

        // Release layout: releases/v1 holding the publish output, `current` a relative link to it.
        Assert.Equal(["v1"], device.Releases());
        Assert.Equal("releases/v1", new FileInfo(device.HostPath("/opt/edgedevice/current")).LinkTarget);
        string release = device.HostPath("/opt/edgedevice/releases/v1");
        foreach (string file in Directory.EnumerateFiles(ProgramBuilds.Arm64PublishFolder, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(ProgramBuilds.Arm64PublishFolder, file);
            Assert.True(File.Exists(Path.Combine(release, relative)), $"{relative} is missing from the release");
        }

        Assert.Equal(
            File.ReadAllBytes(ProgramBuilds.Arm64Executable),
            File.ReadAllBytes(Path.Combine(release, "EdgeDevice")));
        Assert.True(File.GetUnixFileMode(Path.Combine(release, "EdgeDevice")).HasFlag(UnixFileMode.OtherExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(release, "EdgeDevice")).HasFlag(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));

        // The command link, the unit (default paths: installed as written) and the user's settings.
        Assert.Equal("/opt/edgedevice/current/EdgeDevice", new FileInfo(device.HostPath("/usr/local/bin/edgedevice")).LinkTarget);
        Assert.Equal(File.ReadAllText(RepoPaths.UnitFile), File.ReadAllText(device.HostPath("/etc/systemd/system/edgedevice.service")));
        Assert.True(File.Exists(device.HostPath("/etc/edgedevice/appsettings.json")));

        // The service account: a system user without a login shell, in the hardware groups.
        string[]? user = DeviceFiles.PasswdEntry(device, "edgedevice");
        Assert.NotNull(user);
        Assert.Equal("/usr/sbin/nologin", user[6]);
        Assert.True(int.Parse(user[2], System.Globalization.CultureInfo.InvariantCulture) < 1000, $"edgedevice should be a system user, uid {user[2]}");
        foreach (string group in ServiceGroups)
        {
            Assert.Contains("edgedevice", DeviceFiles.GroupMembers(device, group) ?? []);
        }

        // Service manager: unit loaded, enabled, restarted, then asked for its state until healthy.
        IReadOnlyList<string> calls = device.SystemctlCalls;
        Assert.Equal(["daemon-reload", "enable edgedevice.service", "restart edgedevice.service"], calls.Take(3));
        Assert.NotEmpty(calls.Skip(3));
        Assert.All(calls.Skip(3), c => Assert.Equal("is-active edgedevice.service", c));
    }

    [SkippableFact]
    public void The_deployed_frame_loop_makes_the_device_healthy_and_the_command_link_runs_it()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        device.RunRealService();

        // Healthy here means the deployed arm64 `EdgeDevice run` (under qemu-user) beat.
        ProcessResult deploy = DeployScript.DeployTo(device, "v1", healthTimeoutSeconds: 90);
        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        Assert.Contains("device: health: healthy: heartbeat", deploy.StandardOutput);
        Assert.True(File.Exists(device.HostPath(SimulatedDevice.StateDirectory + "/heartbeat")));
        Assert.Contains("Source synthetic", File.ReadAllText(device.HostPath("/srv/service.log")));

        ProcessResult kernels = device.Ssh("edgedevice kernels");
        ProcessResult info = device.Ssh("edgedevice info");

        Assert.True(kernels.ExitCode == 0, kernels.Describe());
        Assert.Contains("sobel-x", kernels.StandardOutput);
        Assert.True(info.ExitCode == 0, info.Describe());
        Assert.Contains("Arm64", info.StandardOutput);
        Assert.Contains("AdvSimd", info.StandardOutput);
    }
}
