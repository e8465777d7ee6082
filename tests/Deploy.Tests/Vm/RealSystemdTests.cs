using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>
/// The deploy against an emulated arm64 Debian 12 with real systemd 252: no stand-ins at all
/// (the real `uname`, sudo, rsync, useradd and systemctl), then the installed, hardened unit
/// runs the deployed arm64 build as the service user.
/// </summary>
public sealed class RealSystemdTests(VmFixture fixture) : IClassFixture<VmFixture>
{
    [SkippableFact]
    public void The_deployed_unit_runs_the_program_under_real_systemd_and_its_hardening()
    {
        Arm64Vm vm = fixture.Vm;

        ProcessResult deploy = DeployScript.Run(
            [
                "--publish-dir", ProgramBuilds.Arm64PublishFolder, "--version", "vm1",
                "--identity", vm.Identity, "--known-hosts", vm.KnownHosts, "--health-timeout", "10", vm.Target,
            ],
            timeout: TimeSpan.FromMinutes(5));

        // The service's own verb (`run`) is still being written, so the health verdict is not
        // asserted here; the real preflight, the upload and what the deploy installed are.
        Assert.Contains("preflight ok: aarch64, sudo, rsync; current release none", deploy.StandardOutput);
        Assert.Contains("uploaded vm1", deploy.StandardOutput);
        ProcessResult account = vm.Ssh("id -nG edgedevice; readlink /opt/edgedevice/current /usr/local/bin/edgedevice");
        Assert.True(account.ExitCode == 0, account.Describe());
        foreach (string expected in new[] { "gpio", "spi", "i2c", "video", "releases/vm1", "/opt/edgedevice/current/EdgeDevice" })
        {
            Assert.Contains(expected, account.StandardOutput);
        }

        ProcessResult verify = vm.Ssh("sudo systemd-analyze verify /etc/systemd/system/edgedevice.service 2>&1");
        Assert.True(verify.ExitCode == 0 && verify.StandardOutput.Length == 0, verify.Describe());

        // The unit exactly as installed, with only its command swapped for a verb that exists:
        // the runtime must start under the sandbox, as `edgedevice`, with its state folder.
        ProcessResult probe = vm.Ssh("""
            sudo mkdir -p /etc/systemd/system/edgedevice.service.d &&
            printf '[Service]\nType=oneshot\nExecStart=\nExecStart=/opt/edgedevice/current/EdgeDevice info\nWatchdogSec=0\nRestart=no\n' |
              sudo tee /etc/systemd/system/edgedevice.service.d/probe.conf >/dev/null &&
            sudo systemctl daemon-reload && sudo systemctl reset-failed edgedevice;
            sudo systemctl start edgedevice; status=$?;
            sudo journalctl -u edgedevice -o cat --no-pager -n 12;
            sudo rm -rf /etc/systemd/system/edgedevice.service.d; sudo systemctl daemon-reload; exit $status
            """, TimeSpan.FromMinutes(3));
        Assert.True(probe.ExitCode == 0, probe.Describe());
        Assert.Contains("cpu:      arch Arm64", probe.StandardOutput);
        Assert.Contains("state:    /var/lib/edgedevice", probe.StandardOutput);
    }
}
