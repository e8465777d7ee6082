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

    [SkippableTheory]
    [MemberData(nameof(Cpus))]
    public void Selftest_checks_the_neon_paths_against_their_scalar_twins(string cpu)
    {
        Prerequisites.Arm64Emulation();

        ProcessResult selftest = RunArm64(cpu, "selftest", "--cases", "3");

        Assert.True(selftest.ExitCode == 0, selftest.Describe());
        Assert.Contains("arch Arm64", selftest.StandardOutput);
        Assert.Contains("Vector128", selftest.StandardOutput);
        Assert.Contains("selftest passed", selftest.StandardOutput);
    }

    /// <summary>
    /// The Pi computes exactly what the desktop shows: the same PNG through the same pipeline
    /// gives byte-identical luma and feature-map files (PNG, because ImageSharp 2.1.13's JPEG
    /// decoder differs by 1 on a few pixels between its x86 vector and its scalar path).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Cpus))]
    public void Simulate_gives_the_x64_feature_map_bit_for_bit(string cpu)
    {
        Prerequisites.Arm64Emulation();
        string png = Path.Combine(ProgramBuilds.Arm64PublishFolder, "Samples", "camera.png");
        foreach (string kernel in new[] { "sobel", "laplacian4", "gaussian5" })
        {
            string armDir = TestRun.NewFolder($"sim-arm-{cpu}-{kernel}");
            string x64Dir = TestRun.NewFolder($"sim-x64-{cpu}-{kernel}");
            string[] Args(string dir) =>
                ["simulate", "--input", png, "--kernel", kernel, "--work-size", "native", "--mode", "same-replicate",
                 "--display", "none", "--out", dir, "--save-feature-map", Path.Combine(dir, "f.npy"), "--save-luma", Path.Combine(dir, "l.npy")];

            ProcessResult arm = RunArm64(cpu, Args(armDir));
            ProcessResult x64 = ProcessRunner.Run(ProgramBuilds.X64Executable, Args(x64Dir), TimeSpan.FromMinutes(1));

            Assert.True(arm.ExitCode == 0, arm.Describe());
            Assert.True(x64.ExitCode == 0, x64.Describe());
            Assert.Contains("path Vector128", arm.StandardOutput);
            Assert.Equal(File.ReadAllBytes(Path.Combine(x64Dir, "l.npy")), File.ReadAllBytes(Path.Combine(armDir, "l.npy")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(x64Dir, "f.npy")), File.ReadAllBytes(Path.Combine(armDir, "f.npy")));
        }
    }

    private static ProcessResult RunArm64(string cpu, params string[] args) =>
        ProcessRunner.Run(ProgramBuilds.Arm64Executable, args, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["QEMU_CPU"] = cpu });
}
