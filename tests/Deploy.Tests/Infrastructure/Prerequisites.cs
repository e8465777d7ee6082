using System.Runtime.InteropServices;

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// The machine facilities the system tests rely on, each checked where it is used: skip (or,
/// with EDGEDEVICE_REQUIRE_SYSTEM_TESTS=1, fail) naming what is missing.
/// </summary>
public static class Prerequisites
{
    public static bool IsRoot => geteuid() == 0;

    /// <summary>qemu-user registered with binfmt_misc, so linux-arm64 executables run here.</summary>
    public static bool Arm64Runs
    {
        get
        {
            const string entry = "/proc/sys/fs/binfmt_misc/qemu-aarch64";
            try
            {
                return File.Exists(entry) && File.ReadLines(entry).FirstOrDefault() == "enabled";
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    public static void Root() =>
        SystemTest.Require(IsRoot, "root is needed (private sshd instances, mount and network namespaces)");

    public static void Command(string name, string package) =>
        SystemTest.Require(FindCommand(name) is not null, $"`{name}` is not installed (Debian package {package})");

    public static void Arm64Emulation() =>
        SystemTest.Require(Arm64Runs, "linux-arm64 binaries do not run here: qemu-user-static with binfmt_misc (qemu-aarch64 enabled) is needed");

    /// <summary>
    /// What `dotnet publish -r linux-arm64 -p:PublishAot=true` needs on this x86-64 machine to
    /// link an arm64 executable: clang (drives the link for --target=aarch64-linux-gnu), the
    /// aarch64 binutils (ld, objcopy), and the arm64 C library and GCC start-up files it links
    /// against. The Debian package names are those .ci/system-test-deps.sh installs.
    /// </summary>
    public static void NativeAotCrossCompile()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProgramBuilds.ReuseAotVariable)))
        {
            return;   // an existing NativeAOT build is reused: nothing is compiled
        }

        Command("clang", "clang");
        Command("aarch64-linux-gnu-ld", "binutils-aarch64-linux-gnu");
        Command("aarch64-linux-gnu-objcopy", "binutils-aarch64-linux-gnu");
        SystemTest.Require(File.Exists("/usr/aarch64-linux-gnu/lib/crt1.o") && File.Exists("/usr/aarch64-linux-gnu/lib/libc.so"),
            "the arm64 C library for linking (/usr/aarch64-linux-gnu/lib/crt1.o, libc.so) is missing (Debian package libc6-dev-arm64-cross)");
        bool gccStartFiles = Directory.Exists("/usr/lib/gcc-cross/aarch64-linux-gnu")
                             && Directory.EnumerateFiles("/usr/lib/gcc-cross/aarch64-linux-gnu", "crtbeginS.o", SearchOption.AllDirectories).Any();
        SystemTest.Require(gccStartFiles, "the arm64 GCC start-up files (/usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbeginS.o) are missing (Debian package libgcc-12-dev-arm64-cross)");
    }

    /// <summary>Everything a simulated device on loopback needs.</summary>
    public static void SimulatedDevice()
    {
        Root();
        Command("sshd", "openssh-server");
        Command("ssh", "openssh-client");
        Command("rsync", "rsync");
        Command("sudo", "sudo");
        Command("unshare", "util-linux");
        Command("useradd", "passwd");
        Arm64Emulation();
        SystemTest.Require(Directory.Exists("/run/sshd"), "/run/sshd (sshd's privilege-separation folder) is missing");
    }

    /// <summary>A fleet of simulated devices in network namespaces.</summary>
    public static void Fleet()
    {
        SimulatedDevice();
        Command("ip", "iproute2");
        SystemTest.Require(Directory.Exists("/sys/class/net") && NetworkNamespacesWork.Value, "network namespaces cannot be created here (`ip netns add` failed)");
    }

    public static string? FindCommand(string name)
    {
        IEnumerable<string> dirs = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    // Probed once per run: fleet tests run in parallel, and two probes of one name would collide.
    private static readonly Lazy<bool> NetworkNamespacesWork = new(CanMakeNetworkNamespaces, LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool CanMakeNetworkNamespaces()
    {
        if (!IsRoot || FindCommand("ip") is null)
        {
            return false;
        }

        string probe = $"edtprobe{Environment.ProcessId}";
        ProcessResult add = ProcessRunner.Run("ip", "netns", "add", probe);
        if (add.ExitCode != 0)
        {
            return false;
        }

        ProcessRunner.Run("ip", "netns", "delete", probe);
        return true;
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code, which the build forbids.
    [DllImport("libc")]
#pragma warning disable SYSLIB1054
    private static extern uint geteuid();
#pragma warning restore SYSLIB1054
}
