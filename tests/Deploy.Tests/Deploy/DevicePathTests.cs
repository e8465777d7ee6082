using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>Every path on the device is an option: a deploy with other paths puts everything there.</summary>
public sealed class DevicePathTests
{
    [SkippableFact]
    public void Other_device_paths_are_honoured_and_the_unit_follows_them()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        const string root = "/opt/custom/edge";
        device.UseInstallRoot(root);

        ProcessResult deploy = DeployScript.DeployTo(device, "p1", 40,
            "--install-root", root,
            "--settings-dir", "/etc/edge-custom",
            "--unit-dir", "/etc/systemd/custom",
            "--bin-link", "/usr/local/bin/edge-custom");

        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        Assert.Equal("p1", device.CurrentRelease(root));
        Assert.False(Directory.Exists(device.HostPath("/opt/edgedevice")));
        Assert.Equal($"{root}/current/EdgeDevice", new FileInfo(device.HostPath("/usr/local/bin/edge-custom")).LinkTarget);
        Assert.True(File.Exists(device.HostPath("/etc/edge-custom/appsettings.json")));
        Assert.False(File.Exists(device.HostPath("/etc/systemd/system/edgedevice.service")));

        var unit = new UnitFile(File.ReadAllText(device.HostPath("/etc/systemd/custom/edgedevice.service")));
        Assert.Equal($"{root}/current/EdgeDevice run", unit.One("Service", "ExecStart"));
        Assert.Contains("EDGEDEVICE_SETTINGS_DIR=/etc/edge-custom", unit.All("Service", "Environment"));

        // The command link works through the moved install root.
        ProcessResult kernels = device.Ssh("edge-custom kernels identity");
        Assert.True(kernels.ExitCode == 0, kernels.Describe());
    }
}
