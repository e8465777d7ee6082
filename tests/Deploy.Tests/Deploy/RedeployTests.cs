using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>
/// A second deploy sends and stores only what changed (rsync --link-dest: unchanged files are
/// hard links to the previous release), switches `current`, leaves the user's settings alone,
/// and old releases beyond --keep are removed.
/// </summary>
public sealed class RedeployTests
{
    [SkippableFact]
    public void A_redeploy_moves_only_the_changed_files_and_keeps_the_users_settings()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        ProcessResult first = DeployScript.DeployTo(device, "v1");
        Assert.True(first.ExitCode == 0, first.Describe());

        string userSettings = device.HostPath("/etc/edgedevice/appsettings.json");
        const string mine = "{ \"Display\": { \"Brightness\": 0.25 } }\n";
        File.WriteAllText(userSettings, mine);
        string next = ModifiedBuild.From(ProgramBuilds.Arm64PublishFolder, new Dictionary<string, string>
        {
            ["appsettings.json"] = "{ \"Source\": { \"FrameRate\": 10 } }\n",
            ["release-notes.txt"] = "v2\n",
        });
        int callsBefore = device.SystemctlCalls.Count;

        ProcessResult second = DeployScript.Run([
            "--publish-dir", next, "--version", "v2", .. device.DeployArguments(), device.Target]);

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Equal("v2", device.CurrentRelease());
        Assert.Contains("2 of", second.StandardOutput);   // the summary's "(2 of N files sent)"

        string v1 = device.HostPath("/opt/edgedevice/releases/v1");
        string v2 = device.HostPath("/opt/edgedevice/releases/v2");
        IReadOnlyDictionary<string, long> before = Inode.Map(v1), after = Inode.Map(v2);
        var changed = new HashSet<string> { "appsettings.json", "release-notes.txt" };
        Assert.Equal(before.Count + 1, after.Count);
        foreach ((string relative, long inode) in after.Where(f => !changed.Contains(f.Key)))
        {
            Assert.True(inode == before[relative], $"{relative} is unchanged but was stored again instead of hard-linked");
        }

        Assert.NotEqual(before["appsettings.json"], after["appsettings.json"]);
        Assert.Equal("{ \"Source\": { \"FrameRate\": 10 } }\n", File.ReadAllText(Path.Combine(v2, "appsettings.json")));
        Assert.NotEqual(File.ReadAllText(Path.Combine(v1, "appsettings.json")), File.ReadAllText(Path.Combine(v2, "appsettings.json")));

        // The user's file is theirs; the unit did not change, so no daemon-reload this time.
        Assert.Equal(mine, File.ReadAllText(userSettings));
        IReadOnlyList<string> calls = device.SystemctlCalls.Skip(callsBefore).ToList();
        Assert.DoesNotContain("daemon-reload", calls);
        Assert.Equal(["enable edgedevice.service", "restart edgedevice.service"], calls.Take(2));
    }

    [SkippableFact]
    public void Only_the_newest_releases_are_kept()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();

        foreach (string version in new[] { "r1", "r2", "r3" })
        {
            ProcessResult deploy = DeployScript.DeployTo(device, version, 40, "--keep", "2");
            Assert.True(deploy.ExitCode == 0, deploy.Describe());
        }

        Assert.Equal(["r2", "r3"], device.Releases());
        Assert.Equal("r3", device.CurrentRelease());
    }

    [SkippableFact]
    public void Deploying_the_current_version_again_is_refused_without_touching_it()
    {
        Prerequisites.SimulatedDevice();
        using SimulatedDevice device = SimulatedDevice.Start();
        ProcessResult first = DeployScript.DeployTo(device, "v1");
        Assert.True(first.ExitCode == 0, first.Describe());
        long inode = Inode.Of(device.HostPath("/opt/edgedevice/releases/v1/EdgeDevice"));

        ProcessResult again = DeployScript.DeployTo(device, "v1");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already current", again.StandardOutput);
        Assert.Equal(inode, Inode.Of(device.HostPath("/opt/edgedevice/releases/v1/EdgeDevice")));
    }
}
