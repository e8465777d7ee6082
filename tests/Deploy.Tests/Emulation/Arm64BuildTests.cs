using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Emulation;

/// <summary>
/// The linux-arm64 build the deploy ships, run here under qemu-user as a Pi 4 (Cortex-A72)
/// and a Pi 5 (Cortex-A76): it starts, takes the AdvSimd paths, and prints what the x64
/// build of the same source prints.
/// </summary>
public sealed class Arm64BuildTests
{
    public static TheoryData<string> Cpus => new() { "cortex-a72", "cortex-a76" };

    [SkippableTheory]
    [MemberData(nameof(Cpus))]
    public void Info_reports_an_arm64_cpu_with_advsimd(string cpu)
    {
        Prerequisites.Arm64Emulation();

        ProcessResult info = RunArm64(cpu, "info");

        Assert.True(info.ExitCode == 0, info.Describe());
        Assert.Contains("arch Arm64", info.StandardOutput);
        Assert.Contains("AdvSimd", info.StandardOutput);
        Assert.Contains("Vector128 accelerated", info.StandardOutput);
        Assert.Contains("AdvSimd yes", info.StandardOutput);
    }

    [SkippableTheory]
    [MemberData(nameof(Cpus))]
    public void The_kernel_catalogue_is_the_same_as_on_x64(string cpu)
    {
        Prerequisites.Arm64Emulation();

        foreach (string[] args in new[] { new[] { "kernels" }, ["kernels", "sobel-x"], ["kernels", "gaussian5"] })
        {
            ProcessResult arm = RunArm64(cpu, args);
            ProcessResult x64 = ProcessRunner.Run(ProgramBuilds.X64Executable, args, TimeSpan.FromMinutes(1));

            Assert.True(arm.ExitCode == 0, arm.Describe());
            Assert.True(x64.ExitCode == 0, x64.Describe());
            Assert.NotEmpty(x64.StandardOutput);
            Assert.Equal(x64.StandardOutput, arm.StandardOutput);
        }
    }

    [SkippableFact]
    public void Health_fails_without_a_heartbeat_and_passes_with_a_fresh_one()
    {
        Prerequisites.Arm64Emulation();
        string state = TestRun.NewFolder("state");
        var environment = new Dictionary<string, string?> { ["STATE_DIRECTORY"] = state, ["QEMU_CPU"] = "cortex-a72" };

        ProcessResult missing = ProcessRunner.Run(ProgramBuilds.Arm64Executable, ["info", "--health"], TimeSpan.FromMinutes(1), environment);

        // A live frame loop touches the heartbeat every second; emulated start-up takes seconds.
        string heartbeat = Path.Combine(state, "heartbeat");
        File.WriteAllText(heartbeat, "");
        using var beating = new Timer(_ => File.SetLastWriteTimeUtc(heartbeat, DateTime.UtcNow), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        ProcessResult fresh = ProcessRunner.Run(ProgramBuilds.Arm64Executable, ["info", "--health"], TimeSpan.FromMinutes(1), environment);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no heartbeat file", missing.StandardError);
        Assert.True(fresh.ExitCode == 0, fresh.Describe());
        Assert.Contains("healthy", fresh.StandardOutput);
    }

    private static ProcessResult RunArm64(string cpu, params string[] args) =>
        ProcessRunner.Run(ProgramBuilds.Arm64Executable, args, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["QEMU_CPU"] = cpu });
}
