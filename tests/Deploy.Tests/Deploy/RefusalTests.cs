using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// Devices the deploy must refuse, each with a message that says why, before anything on
/// the device is changed: wrong architecture, no passwordless sudo, no rsync, no space.
/// </summary>
public sealed class RefusalTests
{
    [SkippableFact]
    public void A_device_that_is_not_aarch64_is_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start(new DeviceOptions { ReportsAarch64 = false });

        ProcessResult deploy = DeployScript.DeployTo(device, "v1");

        Assert.Equal(1, deploy.ExitCode);
        string machine = ProcessRunner.Check("uname", "-m").StandardOutput.Trim();
        Assert.Contains($"127.0.0.1 is {machine}, not aarch64; EdgeDevice needs 64-bit Raspberry Pi OS", deploy.StandardOutput);
        AssertUntouched(device);
    }

    [SkippableFact]
    public void A_login_without_passwordless_sudo_is_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start(new DeviceOptions { PasswordlessSudo = false });

        ProcessResult deploy = DeployScript.DeployTo(device, "v1");

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains("'sudo -n true' fails for pi", deploy.StandardOutput);
        Assert.Contains("passwordless sudo", deploy.StandardOutput);
        AssertUntouched(device);
    }

    [SkippableFact]
    public void A_device_without_rsync_is_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start(new DeviceOptions { WithoutRsync = true });

        ProcessResult deploy = DeployScript.DeployTo(device, "v1");

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains("rsync is not installed on 127.0.0.1 (sudo apt install rsync)", deploy.StandardOutput);
        AssertUntouched(device);
    }

    [SkippableFact]
    public void A_device_without_room_for_the_release_is_refused()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start(new DeviceOptions { OptSizeMegabytes = 16 });

        ProcessResult deploy = DeployScript.DeployTo(device, "v1");

        Assert.Equal(1, deploy.ExitCode);
        Assert.Matches(@"no space left: 127\.0\.0\.1 has 1[56] MB free in /opt, the release needs \d+ MB", deploy.StandardOutput);
        Assert.Empty(device.SystemctlCalls);
    }

    [SkippableFact]
    public void A_dry_run_checks_the_device_and_changes_nothing()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();

        ProcessResult dry = DeployScript.DeployTo(device, "v1", 40, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.Describe());
        Assert.Contains("preflight ok: aarch64, sudo, rsync; current release none", dry.StandardOutput);
        Assert.Contains("/opt/edgedevice/releases/v1", dry.StandardOutput);
        Assert.Contains("would switch /opt/edgedevice/current to releases/v1", dry.StandardOutput);
        AssertUntouched(device);
    }

    private static void AssertUntouched(SimulatedDevice device)
    {
        Assert.Empty(device.SystemctlCalls);
        Assert.False(Directory.Exists(device.HostPath("/opt/edgedevice")), "the deploy created /opt/edgedevice on a refused device");
        Assert.Null(DeviceFiles.PasswdEntry(device, "edgedevice"));
    }
}
