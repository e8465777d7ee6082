using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>
/// The deploy against an emulated arm64 Debian 12 with real systemd 252: no stand-ins at all
/// (the real `uname`, sudo, rsync, useradd and systemctl). The real frame loop then runs
/// under the installed, hardened unit as the service user, tells systemd it is ready
/// (Type=notify), feeds the watchdog and beats; frozen, it is killed and restarted.
/// </summary>
[Collection(VmCollection.Name)]
public sealed class RealSystemdTests(VmFixture fixture)
{
    [SkippableFact]
    public void The_deployed_unit_runs_the_program_under_real_systemd_and_its_hardening()
    {
        Arm64Vm vm = fixture.Vm;

        ProcessResult deploy = vm.Deploy(ProgramBuilds.Arm64PublishFolder, "vm1", 10);

        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        Assert.Contains("preflight ok: aarch64, sudo, rsync; current release", deploy.StandardOutput);
        Assert.Matches(@"(?m)^\s+pi@127\.0\.0\.1:\d+\s+ok\s+vm1 is current and healthy", deploy.StandardOutput);

        ProcessResult account = vm.Ssh("id -nG edgedevice; readlink /opt/edgedevice/current /usr/local/bin/edgedevice; cat /etc/edgedevice/appsettings.json");
        Assert.True(account.ExitCode == 0, account.Describe());
        // The settings file the fixture wrote before any deploy is the user's: left as it was.
        foreach (string expected in new[] { "gpio", "spi", "i2c", "video", "releases/vm1", "/opt/edgedevice/current/EdgeDevice", "\"FrameRate\": 2" })
        {
            Assert.Contains(expected, account.StandardOutput);
        }

        ProcessResult verify = vm.Ssh("sudo systemd-analyze verify /etc/systemd/system/edgedevice.service 2>&1");
        Assert.True(verify.ExitCode == 0 && verify.StandardOutput.Length == 0, verify.Describe());

        // The frame loop runs sandboxed as `edgedevice`, told systemd it is ready, and beats.
        ProcessResult service = vm.Ssh(
            "systemctl show -p ActiveState -p SubState -p Type -p WatchdogUSec edgedevice; " +
            "ps -o user= -p $(systemctl show -p MainPID --value edgedevice); " +
            "STATE_DIRECTORY=/var/lib/edgedevice edgedevice info --health");
        Assert.True(service.ExitCode == 0, service.Describe());
        foreach (string expected in new[] { "ActiveState=active", "SubState=running", "Type=notify", "WatchdogUSec=10s", "edgedevice\n", "healthy" })
        {
            Assert.Contains(expected, service.StandardOutput);
        }
    }

    [SkippableFact]
    public void A_frozen_frame_loop_is_killed_by_the_watchdog_and_restarted()
    {
        Arm64Vm vm = fixture.Vm;
        fixture.HealthyRelease();

        // SIGSTOP freezes the loop: no WATCHDOG=1 for 10 s -> SIGABRT, which a stopped process
        // cannot act on -> SIGKILL after TimeoutAbortSec (5 s) -> Restart=on-failure.
        ProcessResult watchdog = vm.Ssh("""
            before=$(systemctl show -p MainPID --value edgedevice)
            sudo kill -STOP "$before"
            for i in $(seq 90); do
              sleep 1
              now=$(systemctl show -p MainPID --value edgedevice)
              state=$(systemctl is-active edgedevice)
              if [ "$now" != "$before" ] && [ "$now" != 0 ] && [ "$state" = active ]; then
                echo "restarted after ${i}s"; systemctl show -p NRestarts edgedevice
                sudo journalctl -u edgedevice -o cat --no-pager | grep "Failed with result 'watchdog'" | tail -n 1
                exit 0
              fi
            done
            echo "not restarted"; systemctl status edgedevice --no-pager; exit 1
            """, TimeSpan.FromMinutes(3));

        Assert.True(watchdog.ExitCode == 0, watchdog.Describe());
        Assert.Matches("NRestarts=[1-9]", watchdog.StandardOutput);
        Assert.Contains("Failed with result 'watchdog'", watchdog.StandardOutput);
    }
}
