using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Emulation;

/// <summary>
/// The numbers a Pi computes must be the numbers a desktop computes: the arm64 build's
/// selftest passes on a Cortex-A72 (Pi 4) and a Cortex-A76 (Pi 5), and its feature maps and
/// luma planes are byte-identical to the x64 build's for the same input.
/// </summary>
public sealed class Arm64ResultTests
{
    public static TheoryData<string> Cpus => new() { "cortex-a72", "cortex-a76" };

    [SkippableTheory]
    [MemberData(nameof(Cpus))]
    public void Selftest_passes_on_the_emulated_cpu(string cpu)
    {
        Prerequisites.Arm64Emulation();

        ProcessResult selftest = ProcessRunner.Run(ProgramBuilds.Arm64Executable, ["selftest", "--cases", "40"], TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["QEMU_CPU"] = cpu });

        Assert.True(selftest.ExitCode == 0, selftest.Describe());
        Assert.Contains("cpu: arch Arm64", selftest.StandardOutput);
        Assert.Contains("AdvSimd", selftest.StandardOutput);
    }

    [SkippableTheory]
    [InlineData("cortex-a72", "sobel-x", "valid")]
    [InlineData("cortex-a76", "gaussian5", "same-replicate")]
    [InlineData("cortex-a72", "laplacian8", "same-zero")]
    public void Simulate_writes_the_same_feature_map_and_luma_as_x64(string cpu, string kernel, string mode)
    {
        Prerequisites.Arm64Emulation();

        (byte[] armMap, byte[] armLuma) = Simulate(ProgramBuilds.Arm64Executable, cpu, kernel, mode);
        (byte[] x64Map, byte[] x64Luma) = Simulate(ProgramBuilds.X64Executable, null, kernel, mode);

        Assert.True(x64Map.Length > 128, "the x64 feature map is suspiciously small");
        Assert.Equal(x64Luma, armLuma);
        Assert.Equal(x64Map, armMap);
    }

    private static (byte[] Map, byte[] Luma) Simulate(string executable, string? cpu, string kernel, string mode)
    {
        string folder = TestRun.NewFolder("simulate");
        string map = Path.Combine(folder, "map.npy");
        string luma = Path.Combine(folder, "luma.npy");
        ProcessResult result = ProcessRunner.Run(executable,
            [
                "simulate", "--input", "synthetic", "--frames", "3", "--kernel", kernel, "--mode", mode,
                "--display", "none", "--out", Path.Combine(folder, "out"),
                "--save-feature-map", map, "--save-luma", luma,
            ],
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["QEMU_CPU"] = cpu });
        Assert.True(result.ExitCode == 0, result.Describe());
        return (File.ReadAllBytes(map), File.ReadAllBytes(luma));
    }
}
