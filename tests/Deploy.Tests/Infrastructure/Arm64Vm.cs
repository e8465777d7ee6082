using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// The emulated arm64 Debian 12 machine with real systemd that deploy/vm/build-arm64-vm.sh
/// builds (EDGEDEVICE_ARM64_VM names its folder). Booted on a copy-on-write overlay, so the
/// image stays pristine for the next test run; SSH on a free loopback port; the qemu process
/// is killed and the overlay deleted in Dispose.
/// </summary>
public sealed class Arm64Vm : IDisposable
{
    public const string FolderVariable = "EDGEDEVICE_ARM64_VM";

    // An emulated machine on a busy 2-core host can take well over 10 s to send its SSH
    // banner (seen with builds running beside the tests); a slow answer is not a failure here.
    private const string ConnectTimeoutSeconds = "60";

    private readonly Process _qemu;
    private readonly string _work;

    private Arm64Vm(Process qemu, string work, string image, int port)
    {
        _qemu = qemu;
        _work = work;
        Image = image;
        Port = port;
    }

    public string Image { get; }

    public int Port { get; }

    public string Identity => Path.Combine(Image, "id_ed25519");

    public string KnownHosts => Path.Combine(_work, "known_hosts");

    public string Target => $"pi@127.0.0.1:{Port}";

    /// <summary>Null when the VM can be booted here, else what is missing.</summary>
    public static string? WhatIsMissing()
    {
        string? image = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(image) || !File.Exists(Path.Combine(image, "disk.img")) || !File.Exists(Path.Combine(image, "id_ed25519")))
        {
            return $"no arm64 VM image: build one with `deploy/vm/build-arm64-vm.sh DIR` (as root) and set {FolderVariable}=DIR";
        }

        foreach (string tool in new[] { "qemu-system-aarch64", "qemu-img", "ssh" })
        {
            if (Prerequisites.FindCommand(tool) is null)
            {
                return $"`{tool}` is not installed";
            }
        }

        return null;
    }

    public static Arm64Vm Boot()
    {
        string image = Environment.GetEnvironmentVariable(FolderVariable)!;
        string work = TestRun.NewFolder("vm");
        string overlay = Path.Combine(work, "overlay.qcow2");
        ProcessRunner.Check("qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", Path.Combine(image, "disk.img"), overlay);
        int port = FreeLoopbackPort();
        File.WriteAllText(Path.Combine(work, "known_hosts"),
            $"[127.0.0.1]:{port} {string.Join(' ', File.ReadAllText(Path.Combine(image, "host_ed25519.pub")).Trim().Split(' ').Take(2))}\n");

        var start = new ProcessStartInfo("qemu-system-aarch64")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[]
        {
            "-M", "virt", "-cpu", "cortex-a72", "-smp", "2", "-m", "2048", "-accel", "tcg,thread=multi",
            "-display", "none", "-no-reboot", "-kernel", Path.Combine(image, "vmlinuz"), "-initrd", Path.Combine(image, "initrd"),
            "-append", "root=/dev/vda console=ttyAMA0 panic=1",
            "-drive", $"file={overlay},format=qcow2,if=virtio,cache=unsafe",
            "-netdev", $"user,id=n,hostfwd=tcp:127.0.0.1:{port}-:22", "-device", "virtio-net-pci,netdev=n,romfile=",
            // The console goes to a file: nothing is written to our pipes.
            "-serial", $"file:{Path.Combine(work, "console.log")}", "-monitor", "none",
        })
        {
            start.ArgumentList.Add(a);
        }

        Process qemu = Process.Start(start) ?? throw new InvalidOperationException("could not start qemu-system-aarch64");
        var vm = new Arm64Vm(qemu, work, image, port);
        try
        {
            vm.WaitForSsh(TimeSpan.FromMinutes(5));
        }
        catch
        {
            vm.Dispose();
            throw;
        }

        return vm;
    }

    /// <summary>Runs deploy.sh against this VM with its pinned host key and login key.</summary>
    public ProcessResult Deploy(string publishFolder, string version, int healthTimeoutSeconds) =>
        DeployScript.Run(
            [
                "--publish-dir", publishFolder, "--version", version, "--identity", Identity, "--known-hosts", KnownHosts,
                "--connect-timeout", ConnectTimeoutSeconds,
                "--health-timeout", healthTimeoutSeconds.ToString(CultureInfo.InvariantCulture), Target,
            ],
            timeout: TimeSpan.FromMinutes(5));

    public ProcessResult Ssh(string command, TimeSpan? timeout = null) =>
        ProcessRunner.Run("ssh",
        [
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={KnownHosts}",
            "-o", "GlobalKnownHostsFile=/dev/null", "-o", $"ConnectTimeout={ConnectTimeoutSeconds}", "-i", Identity, "-o", "IdentitiesOnly=yes",
            "-p", Port.ToString(CultureInfo.InvariantCulture), "pi@127.0.0.1", command,
        ], timeout ?? TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        try
        {
            if (!_qemu.HasExited)
            {
                _qemu.Kill(entireProcessTree: true);
                _qemu.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }

        _qemu.Dispose();
        TestRun.TryDelete(_work);
    }

    private void WaitForSsh(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_qemu.HasExited)
            {
                break;
            }

            if (Ssh("true", TimeSpan.FromSeconds(90)).ExitCode == 0)
            {
                return;
            }

            Thread.Sleep(2000);
        }

        string console = Path.Combine(_work, "console.log");
        Assert.Fail($"the arm64 VM did not answer on SSH within {limit.TotalMinutes:F0} min; console:\n{(File.Exists(console) ? string.Join('\n', File.ReadLines(console).TakeLast(30)) : "")}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
