using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>
/// Restart=on-failure with RestartPreventExitStatus=4, judged by real systemd: exit code 4
/// (the configured hardware is absent) leaves the service failed, because restarting cannot
/// plug in a display; any other failure (here exit 2, a bad setting) is restarted. The
/// failures are caused the way a user would: through /etc/edgedevice/appsettings.json.
/// </summary>
[Collection(VmCollection.Name)]
public sealed class RestartPolicyTests(VmFixture fixture)
{
    private const string Settings = "/etc/edgedevice/appsettings.json";

    [SkippableFact]
    public void Exit_code_4_is_not_restarted_and_other_failures_are()
    {
        Arm64Vm vm = fixture.Vm;
        fixture.HealthyRelease();
        ProcessResult keep = vm.Ssh($"sudo cp -p {Settings} {Settings}.keep");
        Assert.True(keep.ExitCode == 0, keep.Describe());
        try
        {
            // This VM is no Raspberry Pi, so an HT16K33 matrix cannot be there: exit 4.
            ProcessResult absent = FailWithSettings(vm, """{ "Display": { "Kind": "ht16k33" } }""", secondsToWatch: 12);
            Assert.True(absent.ExitCode == 0, absent.Describe());
            Assert.Contains("ExecMainStatus=4\n", absent.StandardOutput);
            Assert.Contains("Main process exited, code=exited, status=4/", absent.StandardOutput);
            Assert.Contains("ActiveState=failed\n", absent.StandardOutput);
            Assert.Contains("NRestarts=0\n", absent.StandardOutput);
            Assert.Contains("Display:Kind is ht16k33", absent.StandardOutput);

            // The same path with a setting that is merely wrong (exit 2): systemd tries again.
            ProcessResult wrong = FailWithSettings(vm, """{ "Display": { "Kind": "no-such-display" } }""", secondsToWatch: 20);
            Assert.True(wrong.ExitCode == 0, wrong.Describe());
            // By now a restarted process may be starting again, so the status is read from the journal.
            Assert.Contains("Main process exited, code=exited, status=2/", wrong.StandardOutput);
            Assert.Matches("(?m)^NRestarts=[1-9]", wrong.StandardOutput);
            Assert.Contains("Scheduled restart job", wrong.StandardOutput);
            Assert.Contains("Display:Kind is 'no-such-display'", wrong.StandardOutput);
        }
        finally
        {
            // Put the user's settings back and leave a healthy service for the next test.
            ProcessResult restore = vm.Ssh($$"""
                sudo mv -f {{Settings}}.keep {{Settings}}
                sudo systemctl reset-failed edgedevice
                sudo systemctl restart edgedevice
                for i in $(seq 30); do
                  STATE_DIRECTORY=/var/lib/edgedevice edgedevice info --health && exit 0
                  sleep 2
                done
                exit 1
                """, TimeSpan.FromMinutes(3));
            Assert.True(restore.ExitCode == 0, restore.Describe());
        }
    }

    /// <summary>
    /// Writes the settings, restarts the service (the start must fail), watches for a while
    /// (RestartSec is 2 s, so a restart would have happened) and prints the unit's state, the
    /// program's last message and systemd's own account of the exit and of any restart.
    /// </summary>
    private static ProcessResult FailWithSettings(Arm64Vm vm, string json, int secondsToWatch) =>
        vm.Ssh($$"""
            printf '%s\n' '{{json}}' | sudo tee {{Settings}} >/dev/null
            sudo systemctl reset-failed edgedevice
            since=$(date '+%Y-%m-%d %H:%M:%S')
            if sudo systemctl restart edgedevice; then echo "the start did not fail"; exit 1; fi
            sleep {{secondsToWatch}}
            systemctl show -p ActiveState -p Result -p ExecMainStatus -p NRestarts edgedevice
            journal=$(sudo journalctl -u edgedevice -o cat --no-pager --since "$since")
            grep '^edgedevice: ' <<<"$journal" | tail -n 1
            grep -E 'Main process exited|Scheduled restart job' <<<"$journal"
            """, TimeSpan.FromMinutes(2));
}
