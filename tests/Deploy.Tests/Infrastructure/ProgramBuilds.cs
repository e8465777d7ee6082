namespace Deploy.Tests.Infrastructure;

/// <summary>
/// The program under test, built once per test run and shared by every test: the
/// linux-arm64 self-contained publish that the deploy ships (run here under qemu-user), and
/// a linux-x64 build of the same source to compare its output with. Both build in their own
/// artifacts folder, so they never touch the solution's bin/obj while other test projects run.
/// EDGEDEVICE_TEST_ARM64_PUBLISH names an existing linux-arm64 publish to reuse instead
/// (quicker local runs). The NativeAOT build is made by deploy.sh itself (--aot --build-only),
/// also once per run; its intermediate files stay in the repository's out/deploy/build, so the
/// next run's build takes seconds. EDGEDEVICE_TEST_AOT_PUBLISH names one to reuse.
/// </summary>
public static class ProgramBuilds
{
    public const string ReuseVariable = "EDGEDEVICE_TEST_ARM64_PUBLISH";

    public const string ReuseAotVariable = "EDGEDEVICE_TEST_AOT_PUBLISH";

    private static readonly Lazy<string> Arm64 = new(PublishArm64, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> X64 = new(PublishX64, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Aot = new(PublishAotWithDeployScript, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The linux-arm64 self-contained publish folder (holds the `EdgeDevice` executable).</summary>
    public static string Arm64PublishFolder => Arm64.Value;

    public static string Arm64Executable => Path.Combine(Arm64PublishFolder, "EdgeDevice");

    /// <summary>The linux-arm64 NativeAOT publish folder, built by `deploy.sh --aot --build-only`.</summary>
    public static string AotPublishFolder => Aot.Value;

    public static string AotExecutable => Path.Combine(AotPublishFolder, "EdgeDevice");

    /// <summary>The linux-x64 `EdgeDevice` executable (framework-dependent, runs natively).</summary>
    public static string X64Executable => Path.Combine(X64.Value, "EdgeDevice");

    private static string PublishArm64()
    {
        string? reuse = Environment.GetEnvironmentVariable(ReuseVariable);
        if (!string.IsNullOrEmpty(reuse))
        {
            Assert.True(File.Exists(Path.Combine(reuse, "EdgeDevice")), $"{ReuseVariable}={reuse} holds no EdgeDevice executable");
            return reuse;
        }

        return Publish("linux-arm64", "--self-contained", "true");
    }

    private static string PublishAotWithDeployScript()
    {
        string? reuse = Environment.GetEnvironmentVariable(ReuseAotVariable);
        if (!string.IsNullOrEmpty(reuse))
        {
            Assert.True(File.Exists(Path.Combine(reuse, "EdgeDevice.nativeaot")), $"{ReuseAotVariable}={reuse} holds no NativeAOT build (no EdgeDevice.nativeaot)");
            return reuse;
        }

        string output = Path.Combine(TestRun.Folder, "publish-linux-arm64-aot");
        // No compiler server either: nothing may outlive the build holding our pipes.
        ProcessResult build = DeployScript.Run(["--aot", "--build-only", output], timeout: TimeSpan.FromMinutes(15),
            environment: new Dictionary<string, string?> { ["UseSharedCompilation"] = "false" });
        Assert.True(build.ExitCode == 0, $"deploy.sh --aot --build-only failed: {build.Describe()}");
        Assert.True(File.Exists(Path.Combine(output, "EdgeDevice")), "the NativeAOT build has no EdgeDevice executable");
        return output;
    }

    private static string PublishX64() => Publish("linux-x64", "--self-contained", "false");

    private static string Publish(string rid, params string[] extra)
    {
        string output = Path.Combine(TestRun.Folder, $"publish-{rid}");
        string artifacts = Path.Combine(TestRun.Folder, $"artifacts-{rid}");
        string[] args =
        [
            "publish", RepoPaths.ProgramProject, "-c", "Release", "-r", rid, .. extra,
            "-o", output, "--artifacts-path", artifacts, "-p:DebugType=none",
            // No build servers or reused nodes: nothing may outlive the publish holding our pipes.
            "--disable-build-servers", "-nodeReuse:false",
        ];
        var environment = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        ProcessResult result = ProcessRunner.Run("dotnet", args, TimeSpan.FromMinutes(6), environment, RepoPaths.Root);
        Assert.True(result.ExitCode == 0, $"publishing {rid} failed: {result.Describe()}");
        Assert.True(File.Exists(Path.Combine(output, "EdgeDevice")), $"the {rid} publish has no EdgeDevice executable");
        return output;
    }
}
