using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>
/// A release whose service cannot start is undone on real systemd: the deploy switches
/// `current` back, systemd restarts the previous release (a new process running the previous
/// release's binary), and that one is healthy again.
/// </summary>
[Collection(VmCollection.Name)]
public sealed class RealRollbackTests(VmFixture fixture)
{
    [SkippableFact]
    public void A_release_that_cannot_start_is_rolled_back_and_the_previous_one_restarted()
    {
        Arm64Vm vm = fixture.Vm;
        string previous = fixture.HealthyRelease();
        string pidBefore = MainPid(vm);

        // The broken release: a build that ships a damaged appsettings.json beside the binary,
        // so the program stops with exit 2 before it tells systemd it is ready.
        string broken = ModifiedBuild.From(ProgramBuilds.Arm64PublishFolder, new Dictionary<string, string>
        {
            ["appsettings.json"] = "{ \"Pipeline\": ",
        });
        ProcessResult deploy = vm.Deploy(broken, "broken1", 60);

        Assert.True(deploy.ExitCode == 1, deploy.Describe());
        Assert.Matches(
            $@"(?m)^\s+pi@127\.0\.0\.1:\d+\s+FAILED\s+release broken1 is not healthy after 60s: 'systemctl restart edgedevice\.service' failed.*; rolled back to {previous}$",
            deploy.StandardOutput);

        ProcessResult after = vm.Ssh("""
            readlink /opt/edgedevice/current
            systemctl show -p ActiveState -p SubState edgedevice
            sudo readlink /proc/$(systemctl show -p MainPID --value edgedevice)/exe
            STATE_DIRECTORY=/var/lib/edgedevice edgedevice info --health
            sudo journalctl -u edgedevice -o cat --no-pager | grep -F 'appsettings.json is not valid JSON' | tail -n 1
            """);
        Assert.True(after.ExitCode == 0, after.Describe());
        string[] lines = after.StandardOutput.Split('\n');
        Assert.Equal($"releases/{previous}", lines[0]);
        Assert.Contains("ActiveState=active\nSubState=running\n", after.StandardOutput);
        // The process systemd runs now is the previous release's binary, started anew.
        Assert.Equal($"/opt/edgedevice/releases/{previous}/EdgeDevice", lines[3]);
        Assert.NotEqual(pidBefore, MainPid(vm));
        Assert.Contains("healthy", after.StandardOutput);
        // The broken release did run under systemd, and said why it stopped.
        Assert.Contains("appsettings.json is not valid JSON", after.StandardOutput);
    }

    private static string MainPid(Arm64Vm vm)
    {
        ProcessResult pid = vm.Ssh("systemctl show -p MainPID --value edgedevice");
        Assert.True(pid.ExitCode == 0 && pid.StandardOutput.Trim() is not ("" or "0"), pid.Describe());
        return pid.StandardOutput.Trim();
    }
}
