using System.Globalization;
using System.Text.RegularExpressions;
using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Unit;

/// <summary>
/// deploy/edgedevice.service: systemd accepts it without a single remark, it declares what
/// the program's contract needs (notify + watchdog, exit code 4 not restarted, the service
/// user and groups, a prompt kill of a hung .NET process) and it stays hardened.
/// </summary>
public sealed partial class ServiceUnitTests
{
    private static readonly UnitFile Unit = new(File.ReadAllText(RepoPaths.UnitFile));

    [SkippableFact]
    public void Systemd_analyze_verify_prints_nothing_for_the_unit_as_the_deploy_installs_it()
    {
        Prerequisites.Command("systemd-analyze", "systemd");
        string unit = RenderedWithExistingExecutable();

        ProcessResult verify = ProcessRunner.Run("systemd-analyze", "verify", unit);

        Assert.True(verify.ExitCode == 0, verify.Describe());
        Assert.True(verify.Output.Length == 0, $"systemd-analyze verify had remarks:\n{verify.Output}");
    }

    [SkippableFact]
    public void Systemd_analyze_verify_reads_the_nativeaot_drop_in_and_prints_nothing()
    {
        Prerequisites.Command("systemd-analyze", "systemd");
        string unit = RenderedWithExistingExecutable(withNativeAotDropIn: true);
        string dropIn = Path.Combine(Path.GetDirectoryName(unit)!, "edgedevice.service.d", "nativeaot.conf");

        ProcessResult verify = ProcessRunner.Run("systemd-analyze", "verify", unit);
        // The drop-in is really read: a misspelt copy of it draws a remark.
        File.WriteAllText(dropIn, File.ReadAllText(dropIn).Replace("MemoryDenyWriteExecute=", "MemoryDenyWriteExecutes=", StringComparison.Ordinal));
        ProcessResult misspelt = ProcessRunner.Run("systemd-analyze", "verify", unit);

        Assert.True(verify.ExitCode == 0, verify.Describe());
        Assert.True(verify.Output.Length == 0, $"systemd-analyze verify had remarks:\n{verify.Output}");
        Assert.Contains("MemoryDenyWriteExecutes", misspelt.Output);
    }

    [SkippableFact]
    public void The_security_review_sees_MemoryDenyWriteExecute_only_with_the_nativeaot_drop_in()
    {
        Prerequisites.Command("systemd-analyze", "systemd");

        string jit = ProcessRunner.Run("systemd-analyze", "security", "--offline=true", "--no-pager", RenderedWithExistingExecutable()).StandardOutput;
        string aot = ProcessRunner.Run("systemd-analyze", "security", "--offline=true", "--no-pager", RenderedWithExistingExecutable(withNativeAotDropIn: true)).StandardOutput;

        Assert.Matches(@"(?m)^✗ MemoryDenyWriteExecute=", jit);
        Assert.Matches(@"(?m)^✓ MemoryDenyWriteExecute=", aot);
        Match score = ExposureLine().Match(aot);
        Assert.True(score.Success, aot);
        Assert.True(double.Parse(score.Groups[1].Value, CultureInfo.InvariantCulture) < 2.0, aot);
    }

    [Fact]
    public void The_nativeaot_drop_in_adds_MemoryDenyWriteExecute_and_nothing_else()
    {
        var dropIn = new UnitFile(File.ReadAllText(RepoPaths.NativeAotDropIn));

        Assert.Equal("yes", dropIn.One("Service", "MemoryDenyWriteExecute"));
        Assert.Equal(1, dropIn.Count);
    }

    [SkippableFact]
    public void The_offline_security_review_rates_the_unit_ok_or_better()
    {
        Prerequisites.Command("systemd-analyze", "systemd");
        string unit = RenderedWithExistingExecutable();

        ProcessResult security = ProcessRunner.Run("systemd-analyze", "security", "--offline=true", "--no-pager", unit);

        Match score = ExposureLine().Match(security.StandardOutput);
        Assert.True(score.Success, security.Describe());
        double exposure = double.Parse(score.Groups[1].Value, CultureInfo.InvariantCulture);
        // systemd's scale: < 2 "OK", 10 "UNSAFE"; the README quotes the measured value.
        Assert.True(exposure < 2.0, $"exposure {exposure} (need < 2.0: OK)\n{security.StandardOutput}");
    }

    [Fact]
    public void The_service_is_a_notify_service_fed_by_a_watchdog()
    {
        Assert.Equal("notify", Unit.One("Service", "Type"));
        TimeSpan watchdog = Seconds(Unit.One("Service", "WatchdogSec"));
        Assert.InRange(watchdog, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Equal("/opt/edgedevice/current/EdgeDevice run", Unit.One("Service", "ExecStart"));
    }

    [Fact]
    public void Failures_restart_except_for_absent_hardware_and_a_hung_process_is_killed_promptly()
    {
        Assert.Equal("on-failure", Unit.One("Service", "Restart"));
        Assert.Contains("4", Unit.One("Service", "RestartPreventExitStatus").Split(' '));
        // .NET ignores the first SIGABRT from outside: the watchdog's abort must be followed by SIGKILL soon.
        bool killsPromptly = (Unit.Has("Service", "TimeoutAbortSec") && Seconds(Unit.One("Service", "TimeoutAbortSec")) <= TimeSpan.FromSeconds(10))
                             || (Unit.Has("Service", "WatchdogSignal") && Unit.One("Service", "WatchdogSignal") == "SIGKILL");
        Assert.True(killsPromptly, "needs TimeoutAbortSec <= 10s or WatchdogSignal=SIGKILL");
    }

    [Fact]
    public void The_service_runs_as_its_own_user_with_the_hardware_groups_and_a_state_folder()
    {
        Assert.Equal("edgedevice", Unit.One("Service", "User"));
        Assert.Equal(["gpio", "i2c", "spi", "video"], Unit.One("Service", "SupplementaryGroups").Split(' ').Order());
        Assert.Equal("edgedevice", Unit.One("Service", "StateDirectory"));
    }

    [Fact]
    public void The_unit_is_hardened_but_leaves_the_jit_alone()
    {
        foreach (string key in new[] { "NoNewPrivileges", "ProtectHome", "PrivateTmp" })
        {
            Assert.Equal("yes", Unit.One("Service", key));
        }

        Assert.Equal("strict", Unit.One("Service", "ProtectSystem"));
        Assert.Equal("closed", Unit.One("Service", "DevicePolicy"));
        Assert.False(Unit.Has("Service", "MemoryDenyWriteExecute"), "MemoryDenyWriteExecute breaks the .NET JIT");
        // The program tells it is a service by NOTIFY_SOCKET, so PID 1 may be hidden (the VM
        // tests prove READY still arrives under it).
        Assert.Equal("invisible", Unit.One("Service", "ProtectProc"));
    }

    [Fact]
    public void The_system_call_filter_leaves_the_calls_the_dotnet_runtime_needs()
    {
        IReadOnlyList<string> filters = Unit.All("Service", "SystemCallFilter");
        Assert.Contains("@system-service", filters);
        string[] denied = filters.Where(f => f.StartsWith('~')).SelectMany(f => f[1..].Split(' ')).ToArray();
        Assert.Contains("@privileged", denied);
        // Denying @resources stops CoreCLR from starting (HRESULT 0x8007054F under systemd 252).
        Assert.DoesNotContain("@resources", denied);
        Assert.Equal("EPERM", Unit.One("Service", "SystemCallErrorNumber"));
    }

    [Fact]
    public void Device_access_names_device_groups_or_exact_nodes_never_path_globs()
    {
        IReadOnlyList<string> allowed = Unit.All("Service", "DeviceAllow");
        Assert.NotEmpty(allowed);
        foreach (string entry in allowed)
        {
            string[] parts = entry.Split(' ');
            Assert.Equal(2, parts.Length);
            Assert.Matches("^[rwm]+$", parts[1]);
            bool group = parts[0].StartsWith("char-", StringComparison.Ordinal) || parts[0].StartsWith("block-", StringComparison.Ordinal);
            bool exactPath = parts[0].StartsWith("/dev/", StringComparison.Ordinal) && parts[0].IndexOfAny(['*', '?', '[']) < 0;
            Assert.True(group || exactPath, $"DeviceAllow={entry}: systemd takes no globs in device paths");
        }

        // The Pi's camera, SPI, I2C, GPIO and framebuffer device groups.
        string[] groups = allowed.Select(a => a.Split(' ')[0]).ToArray();
        foreach (string needed in new[] { "char-spi", "char-i2c", "char-video4linux", "char-media", "char-dma_heap", "char-gpiochip", "char-fb" })
        {
            Assert.Contains(needed, groups);
        }
    }

    /// <summary>
    /// The unit with its /opt/edgedevice paths moved to a scratch folder holding an executable,
    /// exactly the rewrite activate.sh does for --install-root (verify checks ExecStart exists).
    /// </summary>
    private static string RenderedWithExistingExecutable(bool withNativeAotDropIn = false)
    {
        string root = TestRun.NewFolder("unit");
        string current = Path.Combine(root, "current");
        Directory.CreateDirectory(current);
        File.Copy("/bin/true", Path.Combine(current, "EdgeDevice"));
        string unit = Path.Combine(root, "edgedevice.service");
        File.WriteAllText(unit, File.ReadAllText(RepoPaths.UnitFile).Replace("/opt/edgedevice", root, StringComparison.Ordinal));
        if (withNativeAotDropIn)
        {
            // Where activate.sh puts it: UNIT.d/ beside the unit, which systemd reads with it.
            Directory.CreateDirectory(Path.Combine(root, "edgedevice.service.d"));
            File.Copy(RepoPaths.NativeAotDropIn, Path.Combine(root, "edgedevice.service.d", "nativeaot.conf"));
        }

        return unit;
    }

    private static TimeSpan Seconds(string value)
    {
        Match m = Regex.Match(value, @"^(\d+)s?$");
        Assert.True(m.Success, $"expected seconds, got {value}");
        return TimeSpan.FromSeconds(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex ExposureLine();
}
