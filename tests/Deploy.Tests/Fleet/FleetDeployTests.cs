using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Fleet;

/// <summary>
/// Three Pis on their own network, deployed in parallel by deploy.sh: a device that fails
/// does not stop the others, and the summary has one line per host naming the failure.
/// </summary>
public sealed class FleetDeployTests
{
    [SkippableFact]
    public void Deploy_sh_deploys_a_fleet_in_parallel_and_reports_the_one_that_failed()
    {
        Prerequisites.Fleet();
        using var fleet = Infrastructure.Fleet.Start(new DeviceOptions(), new DeviceOptions(), new DeviceOptions());
        SimulatedDevice broken = fleet.Devices[1];
        broken.Misbehave("fail-start-f1");

        // Every device sees its own stand-ins at the same paths, so one command line serves all.
        ProcessResult deploy = DeployScript.Run(
            [
                "--publish-dir", ProgramBuilds.Arm64PublishFolder, "--version", "f1",
                .. fleet.Devices[0].DeployArguments(knownHosts: fleet.KnownHosts),
                .. fleet.Devices.Select(d => d.Target),
            ],
            fleet.ControllerNamespace,
            TimeSpan.FromMinutes(4));

        Assert.Equal(1, deploy.ExitCode);
        string[] summary = deploy.StandardOutput.Split('\n').SkipWhile(l => l != "deploy: summary").Skip(1).Take(3).ToArray();
        Assert.Matches($@"^\s+pi@{Escape(fleet.Devices[0])}:22\s+ok\s+f1 is current and healthy", summary[0]);
        Assert.Matches($@"^\s+pi@{Escape(broken)}:22\s+FAILED\s+release f1 is not healthy.*'systemctl restart edgedevice.service' failed.*no previous release", summary[1]);
        Assert.Matches($@"^\s+pi@{Escape(fleet.Devices[2])}:22\s+ok\s+f1 is current and healthy", summary[2]);
        Assert.Contains("deploy: 1 of 3 host(s) failed", deploy.StandardOutput);

        Assert.Equal("f1", fleet.Devices[0].CurrentRelease());
        Assert.Equal("f1", fleet.Devices[2].CurrentRelease());
        Assert.Equal("stop edgedevice.service", broken.SystemctlCalls[^1]);

        // Every device got its own release, and the deployed binary answers on each healthy one.
        foreach (SimulatedDevice device in new[] { fleet.Devices[0], fleet.Devices[2] })
        {
            ProcessResult kernels = device.Ssh("edgedevice kernels sobel-x");
            Assert.True(kernels.ExitCode == 0, kernels.Describe());
        }
    }

    private static string Escape(SimulatedDevice device) => device.Options.Address.Replace(".", "\\.", StringComparison.Ordinal);
}
