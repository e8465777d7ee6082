using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Deploy;

/// <summary>What deploy.sh decides before it contacts any device: its command line, the build.</summary>
public sealed class ScriptTests
{
    // Port 9 on loopback: never contacted, because each of these stops before connecting.
    private const string NeverContacted = "pi@127.0.0.1:9";

    [Theory]
    [InlineData("--keep", "0", "--keep must be a whole number of at least 1")]
    [InlineData("--install-root", "opt/edgedevice", "--install-root must be an absolute path")]
    [InlineData("--settings-dir", "/etc/edge device", "--settings-dir must be an absolute path")]
    [InlineData("--frobnicate", "1", "unknown option --frobnicate")]
    public void A_bad_command_line_exits_2_naming_the_problem(string option, string value, string message)
    {
        ProcessResult result = DeployScript.Run([option, value, NeverContacted]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
    }

    [Fact]
    public void No_host_is_a_usage_error()
    {
        ProcessResult result = DeployScript.Run(["--dry-run"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("name at least one HOST", result.StandardError);
    }

    [Theory]
    [InlineData("a host", "--build-only builds and stops: name no HOST")]
    [InlineData("--publish-dir", "--build-only excludes --publish-dir, --skip-build and --dry-run")]
    [InlineData("--dry-run", "--build-only excludes --publish-dir, --skip-build and --dry-run")]
    [InlineData("a full folder", "is a folder with other files in it, not an earlier build")]
    public void Build_only_builds_nothing_when_its_command_line_is_wrong(string problem, string message)
    {
        string target = Path.Combine(TestRun.NewFolder("build-only"), "out");
        string[] args = problem switch
        {
            "a host" => ["--build-only", target, NeverContacted],
            "--publish-dir" => ["--build-only", target, "--publish-dir", "/tmp"],
            "--dry-run" => ["--build-only", target, "--dry-run"],
            _ => ["--build-only", Path.GetDirectoryName(target)!],
        };
        if (problem == "a full folder")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(target)!, "notes.txt"), "mine\n");
        }

        ProcessResult result = DeployScript.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
        Assert.False(Directory.Exists(target), "something was built");
        if (problem == "a full folder")
        {
            Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Path.GetDirectoryName(target)!, "notes.txt")));
        }
    }

    [Fact]
    public void Publish_dir_and_skip_build_exclude_each_other()
    {
        ProcessResult result = DeployScript.Run(["--publish-dir", "/tmp", "--skip-build", NeverContacted]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--publish-dir and --skip-build exclude each other", result.StandardError);
    }

    [Fact]
    public void Skip_build_without_an_earlier_build_says_so()
    {
        string repo = TestRun.NewFolder("unbuilt-repo");
        ProcessRunner.Check("cp", "-r", Path.Combine(RepoPaths.Root, "deploy"), repo);

        ProcessResult result = DeployScript.Run(["--skip-build", NeverContacted], script: Path.Combine(repo, "deploy", "deploy.sh"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{repo}/out/deploy/linux-arm64-self-contained/EdgeDevice does not exist", result.StandardError);
    }

    [Fact]
    public void A_publish_folder_that_is_not_an_arm64_build_is_refused()
    {
        string folder = TestRun.NewFolder("x64-publish");
        File.Copy("/bin/true", Path.Combine(folder, "EdgeDevice"));

        ProcessResult result = DeployScript.Run(["--publish-dir", folder, NeverContacted]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("is not a linux-arm64 executable", result.StandardError);
    }

    [Fact]
    public void A_build_that_fails_stops_the_deploy_before_any_device_is_touched()
    {
        // A copy of the repository's deploy/ beside a program that does not compile.
        string repo = TestRun.NewFolder("broken-repo");
        ProcessRunner.Check("cp", "-r", Path.Combine(RepoPaths.Root, "deploy"), repo);
        foreach (string file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(repo, file));
        }

        string project = Path.Combine(repo, "src", "EdgeDevice");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "EdgeDevice.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><AssemblyName>EdgeDevice</AssemblyName></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "this is not C#\n");

        ProcessResult result = DeployScript.Run([NeverContacted], timeout: TimeSpan.FromMinutes(4), script: Path.Combine(repo, "deploy", "deploy.sh"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("the build failed (dotnet publish exited", result.StandardError);
        Assert.Contains("Nothing was deployed", result.StandardError);
        Assert.DoesNotContain("summary", result.StandardOutput);
    }

    [Fact]
    public void A_dry_run_shows_the_build_it_would_make()
    {
        ProcessResult plain = DeployScript.Run(["--dry-run", "--connect-timeout", "1", NeverContacted]);
        ProcessResult aot = DeployScript.Run(["--dry-run", "--aot", "--connect-timeout", "1", NeverContacted]);

        Assert.Contains("would build: dotnet publish", plain.StandardOutput);
        Assert.Contains("-r linux-arm64", plain.StandardOutput);
        Assert.Contains("--self-contained true", plain.StandardOutput);
        Assert.Contains("-p:PublishAot=true", aot.StandardOutput);
        Assert.DoesNotContain("--self-contained", aot.StandardOutput);
    }
}
