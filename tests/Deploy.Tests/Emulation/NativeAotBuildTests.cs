using System.Text.RegularExpressions;
using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Emulation;

/// <summary>
/// The NativeAOT build (`deploy.sh --aot`, cross-compiled here for linux-arm64) run under
/// qemu-user as a Pi 4 (Cortex-A72): it is one arm64 executable without the JIT runtime, its
/// selftest passes, its results are byte-identical to the x64 JIT build's, its frame loop runs,
/// and it never asks for the memory that the unit's MemoryDenyWriteExecute=yes would refuse.
/// </summary>
public sealed partial class NativeAotBuildTests
{
    private const string Cpu = "cortex-a72";

    [SkippableFact]
    public void The_build_is_an_arm64_executable_without_the_jit_runtime_and_says_it_is_nativeaot()
    {
        Prerequisites.NativeAotCrossCompile();
        string folder = ProgramBuilds.AotPublishFolder;

        byte[] elf = File.ReadAllBytes(ProgramBuilds.AotExecutable)[..20];
        Assert.Equal("\u007fELF"u8.ToArray(), elf[..4]);
        Assert.Equal(183, BitConverter.ToUInt16(elf, 18));   // e_machine: AArch64
        Assert.True(File.Exists(Path.Combine(folder, "EdgeDevice.nativeaot")), "the marker the deploy reads is missing");
        foreach (string jitFile in new[] { "libcoreclr.so", "libclrjit.so", "EdgeDevice.dll", "System.Private.CoreLib.dll" })
        {
            Assert.False(File.Exists(Path.Combine(folder, jitFile)), $"{jitFile} belongs to a JIT build");
        }

        Assert.True(File.Exists(Path.Combine(folder, "appsettings.json")));
        Assert.True(File.Exists(Path.Combine(folder, "Samples", "astronaut.png")));
        Assert.False(File.Exists(Path.Combine(ProgramBuilds.Arm64PublishFolder, "EdgeDevice.nativeaot")), "the self-contained build must not carry the marker");
    }

    [SkippableFact]
    public void Selftest_passes_and_info_reports_advsimd()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.Arm64Emulation();

        ProcessResult selftest = RunAot(["selftest", "--cases", "40"]);
        ProcessResult info = RunAot(["info"]);

        Assert.True(selftest.ExitCode == 0, selftest.Describe());
        Assert.Contains("selftest passed", selftest.StandardOutput);
        Assert.Contains("cpu: arch Arm64", selftest.StandardOutput);
        Assert.True(info.ExitCode == 0, info.Describe());
        Assert.Contains("AdvSimd yes", info.StandardOutput);
        Assert.Contains("Vector128 accelerated", info.StandardOutput);
    }

    [SkippableTheory]
    [InlineData("astronaut.png", "sobel-x", "valid")]
    [InlineData("coffee.png", "gaussian5", "same-replicate")]
    public void Simulate_on_a_bundled_photograph_writes_the_same_files_as_the_x64_build(string photo, string kernel, string mode)
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.Arm64Emulation();
        string input = Path.Combine(RepoPaths.Root, "src", "EdgeDevice", "Samples", photo);

        string aot = Simulate(ProgramBuilds.AotExecutable, Cpu, input, kernel, mode);
        string x64 = Simulate(ProgramBuilds.X64Executable, null, input, kernel, mode);

        Assert.True(new FileInfo(Path.Combine(x64, "map.npy")).Length > 1024, "the x64 feature map is suspiciously small");
        // The numbers, and ImageSharp's PNG decoding and encoding (trim-analysed as a package), agree.
        foreach (string file in new[] { "map.npy", "luma.npy", Path.Combine("out", Path.ChangeExtension(photo, ".led.png")) })
        {
            Assert.True(File.Exists(Path.Combine(x64, file)), $"x64 wrote no {file}");
            Assert.True(File.ReadAllBytes(Path.Combine(x64, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(aot, file))), $"{file} differs from the x64 build's");
        }
    }

    [SkippableFact]
    public void The_frame_loop_runs_and_beats_and_settings_are_bound_as_in_the_jit_build()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.Arm64Emulation();
        string state = TestRun.NewFolder("aot-state");

        ProcessResult run = RunAot(["run", "--input", "synthetic", "--frames", "10", "--display", "none"], state);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(File.Exists(Path.Combine(state, "heartbeat")), "the frame loop wrote no heartbeat");
        // The settings binder is generated code in both builds: the same refusals, word for word.
        foreach ((string variable, string value, string message) in new[]
                 {
                     ("EDGEDEVICE_Display__Widht", "16", "'Display:Widht' is not a setting"),
                     ("EDGEDEVICE_Pipeline__Gain", "loud", "Pipeline:Gain"),
                 })
        {
            var bad = new Dictionary<string, string?> { [variable] = value };
            ProcessResult aot = RunAot(["run", "--frames", "1", "--display", "none"], state, bad);
            ProcessResult x64 = ProcessRunner.Run(ProgramBuilds.X64Executable, ["run", "--frames", "1", "--display", "none"], TimeSpan.FromMinutes(1),
                new Dictionary<string, string?>(bad) { ["STATE_DIRECTORY"] = state });

            Assert.True(aot.ExitCode == 2, aot.Describe());
            Assert.Contains(message, aot.StandardError);
            Assert.Equal(x64.ExitCode, aot.ExitCode);
            Assert.Equal(x64.StandardError, aot.StandardError);
        }
    }

    [SkippableFact]
    public void The_aot_build_never_asks_for_memory_MemoryDenyWriteExecute_refuses_and_the_jit_build_does()
    {
        Prerequisites.NativeAotCrossCompile();
        Prerequisites.Arm64Emulation();

        // qemu-user traces every system call of the emulated program (QEMU_STRACE): exactly the
        // calls systemd's MemoryDenyWriteExecute filter looks at, whatever the host does.
        IReadOnlyList<string> aotRun = RefusedMemoryCalls(ProgramBuilds.AotExecutable, "run", "--input", "synthetic", "--frames", "5", "--display", "none");
        IReadOnlyList<string> aotSelftest = RefusedMemoryCalls(ProgramBuilds.AotExecutable, "selftest", "--cases", "3");
        IReadOnlyList<string> jit = RefusedMemoryCalls(ProgramBuilds.Arm64Executable, "kernels");

        Assert.True(aotRun.Count == 0, string.Join("\n", aotRun));
        Assert.True(aotSelftest.Count == 0, string.Join("\n", aotSelftest));
        // The check sees such calls when they happen: the JIT makes code executable at once.
        Assert.NotEmpty(jit);
    }

    /// <summary>
    /// The traced calls MemoryDenyWriteExecute=yes refuses: a mapping both writable and
    /// executable, making memory executable with mprotect, executable shared memory.
    /// </summary>
    private static List<string> RefusedMemoryCalls(string executable, params string[] args)
    {
        ProcessResult traced = ProcessRunner.Run(executable, args, TimeSpan.FromMinutes(3), new Dictionary<string, string?>
        {
            ["QEMU_CPU"] = Cpu,
            ["QEMU_STRACE"] = "1",
            ["STATE_DIRECTORY"] = TestRun.NewFolder("traced-state"),
        });
        Assert.True(traced.ExitCode == 0, $"`{traced.Command}` exited {traced.ExitCode}\n{Tail(traced.StandardError)}");
        string[] lines = traced.StandardError.Split('\n');
        Assert.Contains(lines, l => MemoryCall().IsMatch(l));   // the trace is there at all
        return lines.Where(l =>
        {
            Match call = MemoryCall().Match(l);
            if (call.Success)
            {
                string[] argsOfCall = call.Groups[2].Value.Split(',');
                string protection = argsOfCall.Length > 2 ? argsOfCall[2] : "";
                return protection.Contains("PROT_EXEC", StringComparison.Ordinal)
                       && (call.Groups[1].Value != "mmap" || protection.Contains("PROT_WRITE", StringComparison.Ordinal));
            }

            return l.Contains(" shmat(", StringComparison.Ordinal) && l.Contains("SHM_EXEC", StringComparison.Ordinal);
        }).ToList();
    }

    private static string Simulate(string executable, string? cpu, string input, string kernel, string mode)
    {
        string folder = TestRun.NewFolder("aot-simulate");
        ProcessResult result = ProcessRunner.Run(executable,
            [
                "simulate", "--input", input, "--frames", "2", "--kernel", kernel, "--mode", mode,
                "--display", "none", "--out", Path.Combine(folder, "out"),
                "--save-feature-map", Path.Combine(folder, "map.npy"), "--save-luma", Path.Combine(folder, "luma.npy"),
            ],
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["QEMU_CPU"] = cpu });
        Assert.True(result.ExitCode == 0, result.Describe());
        return folder;
    }

    private static ProcessResult RunAot(string[] args, string? stateDirectory = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?> { ["QEMU_CPU"] = Cpu, ["STATE_DIRECTORY"] = stateDirectory ?? TestRun.NewFolder("aot-state") };
        foreach ((string name, string? value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return ProcessRunner.Run(ProgramBuilds.AotExecutable, args, TimeSpan.FromMinutes(3), environment);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    // qemu's trace line: `PID mmap(addr,length,PROT_...,MAP_...,fd,offset) = result`.
    [GeneratedRegex(@"\b(mmap|mprotect|pkey_mprotect)\(([^)]*)\)")]
    private static partial Regex MemoryCall();
}
