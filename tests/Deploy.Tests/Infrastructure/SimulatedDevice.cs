using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// A pretend Raspberry Pi on this machine: a private sshd (own config, host key, key-only
/// login, never the system one) running in its own mount namespace, where its own copy of
/// /etc and its own folders are mounted over /etc, /opt and /usr/local/bin. So the deploy runs
/// with the Pi's default paths and really creates users, units and links — all inside this
/// device's folder, never in this machine's /etc, /opt or /usr/local. The things this machine
/// cannot be are stand-ins: `uname -m` answers aarch64 (PATH from the sshd config), and
/// systemctl is a script that records its calls and plays the service (Doubles/fake-systemctl).
/// The stand-ins sit in the device's /srv (its own folder mounted there), so one set of
/// deploy.sh arguments serves a whole fleet. Linux-arm64 binaries really run, through qemu-user.
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    private readonly Process _sshd;

    private SimulatedDevice(string root, DeviceOptions options, int port, Process sshd)
    {
        Root = root;
        Options = options;
        Port = port;
        _sshd = sshd;
    }

    /// <summary>The device's folder on this machine.</summary>
    public string Root { get; }

    public DeviceOptions Options { get; }

    public int Port { get; }

    /// <summary>The heartbeat folder the fake service writes, as the device sees it (deploy.sh --state-dir).</summary>
    public const string StateDirectory = "/srv/state";

    /// <summary>The systemctl stand-in, as the device sees it (deploy.sh --systemctl).</summary>
    public const string Systemctl = "/srv/bin/systemctl";

    /// <summary>A known_hosts file pinning this device's host key.</summary>
    public string KnownHosts => Path.Combine(Root, "ssh", "known_hosts");

    public string HostPublicKeyLine => File.ReadAllText(Path.Combine(Root, "ssh", "host_key.pub")).Trim();

    /// <summary>The host argument for deploy.sh: user@address:port.</summary>
    public string Target => $"{Options.LoginUser}@{Options.Address}:{Port}";

    public string KnownHostsLine => $"{(Port == 22 ? Options.Address : $"[{Options.Address}]:{Port}")} {string.Join(' ', HostPublicKeyLine.Split(' ').Take(2))}";

    public static SimulatedDevice Start(DeviceOptions? options = null)
    {
        options ??= new DeviceOptions();
        string root = TestRun.NewFolder("device");
        int port = options.Port != 0 ? options.Port : FreeLoopbackPort();
        Lay(root, options, port);
        Process sshd = Launch(root, options);
        var device = new SimulatedDevice(root, options, port, sshd);
        try
        {
            device.WaitUntilListening();
        }
        catch
        {
            device.Dispose();
            throw;
        }

        return device;
    }

    /// <summary>Maps a path as the device sees it to where it is on this machine.</summary>
    public string HostPath(string devicePath)
    {
        foreach ((string prefix, string folder) in Mounts)
        {
            if (devicePath == prefix || devicePath.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                return Path.Combine(Root, folder) + devicePath[prefix.Length..];
            }
        }

        return devicePath;
    }

    /// <summary>The release `current` points at, or null.</summary>
    public string? CurrentRelease(string installRoot = "/opt/edgedevice")
    {
        var link = new FileInfo(HostPath(installRoot + "/current"));
        return link.LinkTarget is { } target ? Path.GetFileName(target) : null;
    }

    public IReadOnlyList<string> Releases(string installRoot = "/opt/edgedevice")
    {
        string folder = HostPath(installRoot + "/releases");
        return Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Every call the deploy made to systemctl, in order.</summary>
    public IReadOnlyList<string> SystemctlCalls
    {
        get
        {
            string log = HostPath("/srv/systemctl.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    /// <summary>Switches on a fake-systemctl behaviour, e.g. "no-heartbeat-v2" or "fail-start-v2".</summary>
    public void Misbehave(string behaviour) =>
        File.WriteAllText(HostPath("/srv/behaviour/" + behaviour), "");

    /// <summary>From now on the systemctl stand-in starts the deployed program's real frame loop.</summary>
    public void RunRealService() => Misbehave("real-service");

    /// <summary>Tells the systemctl stand-in where `current` is when a test moves the install root.</summary>
    public void UseInstallRoot(string installRoot) =>
        File.WriteAllText(HostPath("/srv/device.env"), $"INSTALL_ROOT={installRoot}\nSTATE_DIR={StateDirectory}\n");

    /// <summary>The deploy.sh arguments every deploy to this device needs (key, pinned host key, stand-ins).</summary>
    public IReadOnlyList<string> DeployArguments(int healthTimeoutSeconds = 40, string? knownHosts = null) =>
    [
        "--identity", ClientKeys.Deployer,
        "--known-hosts", knownHosts ?? KnownHosts,
        "--systemctl", Systemctl,
        "--state-dir", StateDirectory,
        "--health-timeout", healthTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>Runs a command on the device over SSH as the login user.</summary>
    public ProcessResult Ssh(string command, TimeSpan? timeout = null)
    {
        string[] args =
        [
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
            "-o", $"UserKnownHostsFile={KnownHosts}", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "ConnectTimeout=10", "-i", ClientKeys.Deployer, "-o", "IdentitiesOnly=yes",
            "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{Options.LoginUser}@{Options.Address}", command,
        ];
        return Options.NetworkNamespace is null
            ? ProcessRunner.Run("ssh", args, timeout ?? TimeSpan.FromMinutes(1))
            : ProcessRunner.Run("ip", ["netns", "exec", Options.ControllerNamespace ?? Options.NetworkNamespace, "ssh", .. args], timeout ?? TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        StopPretendService();
        try
        {
            if (!_sshd.HasExited)
            {
                _sshd.Kill(entireProcessTree: true);
                _sshd.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        StopPretendService();
        _sshd.Dispose();
        TestRun.TryDelete(Root);
    }

    // Device path prefix -> folder under Root mounted there inside the device's namespace.
    private static readonly (string Prefix, string Folder)[] Mounts =
    [
        ("/etc", "etc"),
        ("/opt", "opt"),
        ("/usr/local/bin", "usr-local-bin"),
        ("/srv", "stand-ins"),
    ];

    private void StopPretendService()
    {
        string pidFile = HostPath("/srv/service.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid))
        {
            try
            {
                using Process service = Process.GetProcessById(pid);
                service.Kill(entireProcessTree: true);
                service.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (ArgumentException)
            {
                // not running
            }
            catch (InvalidOperationException)
            {
            }

            File.Delete(pidFile);
        }
    }

    private static void Lay(string root, DeviceOptions options, int port)
    {
        foreach (string folder in new[] { "opt", "usr-local-bin", "stand-ins/state", "stand-ins/bin", "stand-ins/behaviour", "fakebin", "ssh", "authorized", "home" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        // The device's own /etc: a copy of this machine's, so accounts, sudoers and the Pi
        // paths under /etc are the device's alone.
        ProcessRunner.Check("cp", "-a", "/etc/.", Path.Combine(root, "etc"));

        string user = options.LoginUser;
        if (user != "root")
        {
            ProcessRunner.Check("useradd", "--prefix", root, "--shell", "/bin/bash", "--no-create-home",
                "--home-dir", Path.Combine(root, "home"), "--password", "*", user);
            // The user owns its home, as on a Pi (Ansible keeps its temporary files there).
            string[] entry = File.ReadLines(Path.Combine(root, "etc", "passwd")).Select(l => l.Split(':')).First(f => f[0] == user);
            ProcessRunner.Check("chown", $"{entry[2]}:{entry[3]}", Path.Combine(root, "home"));
            if (options.PasswordlessSudo)
            {
                string sudoers = Path.Combine(root, "etc", "sudoers.d", $"010_{user}-nopasswd");
                File.WriteAllText(sudoers, $"{user} ALL=(ALL) NOPASSWD: ALL\n");
                File.SetUnixFileMode(sudoers, UnixFileMode.UserRead | UnixFileMode.GroupRead);
            }
        }

        File.WriteAllText(Path.Combine(root, "authorized", user), ClientKeys.PublicKeyOf(ClientKeys.Deployer) + "\n");

        if (options.ReportsAarch64)
        {
            string uname = Path.Combine(root, "fakebin", "uname");
            File.WriteAllText(uname, "#!/bin/sh\n# Test stand-in: this x86-64 machine plays an aarch64 Pi (arm64 binaries run via qemu-user).\nif [ \"$1\" = -m ]; then echo aarch64; else exec /usr/bin/uname \"$@\"; fi\n");
            File.SetUnixFileMode(uname, (UnixFileMode)0b111_101_101);
        }

        string systemctl = Path.Combine(root, "stand-ins", "bin", "systemctl");
        File.Copy(RepoPaths.Double("fake-systemctl"), systemctl);
        File.SetUnixFileMode(systemctl, (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(root, "stand-ins", "device.env"), $"INSTALL_ROOT=/opt/edgedevice\nSTATE_DIR={StateDirectory}\n");
        File.WriteAllText(Path.Combine(root, "no-rsync"), "");

        string ssh = Path.Combine(root, "ssh");
        ProcessRunner.Check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "simulated-pi", "-f", Path.Combine(ssh, "host_key"));
        File.WriteAllText(Path.Combine(ssh, "sshd_config"), $"""
            Port {port}
            ListenAddress {options.Address}
            HostKey {Path.Combine(ssh, "host_key")}
            PidFile {Path.Combine(ssh, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(root, "authorized")}/%u
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            AllowTcpForwarding no
            X11Forwarding no
            SetEnv PATH={Path.Combine(root, "fakebin")}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            """ + "\n");
        string portPart = port == 22 ? options.Address : $"[{options.Address}]:{port}";
        string hostKey = string.Join(' ', File.ReadAllText(Path.Combine(ssh, "host_key.pub")).Trim().Split(' ').Take(2));
        File.WriteAllText(Path.Combine(ssh, "known_hosts"), $"{portPart} {hostKey}\n");
    }

    private static Process Launch(string root, DeviceOptions options)
    {
        var mounts = new List<string>();
        foreach ((string prefix, string folder) in Mounts)
        {
            mounts.Add($"mount --bind {Path.Combine(root, folder)} {prefix}");
        }

        if (options.OptSizeMegabytes is int mb)
        {
            mounts.Add($"mount -t tmpfs -o size={mb}m edgedevice-test /opt");
        }

        if (options.WithoutRsync)
        {
            mounts.Add($"mount --bind {Path.Combine(root, "no-rsync")} /usr/bin/rsync");
        }

        string ssh = Path.Combine(root, "ssh");
        string script = $"exec </dev/null >>{Path.Combine(ssh, "launch.log")} 2>&1; set -e; {string.Join("; ", mounts)}; " +
                        $"exec /usr/sbin/sshd -D -f {Path.Combine(ssh, "sshd_config")} -E {Path.Combine(ssh, "sshd.log")}";

        // unshare and `ip netns exec` exec their command, as do sh's final exec: the PID we
        // hold is sshd's, and killing its tree ends the device and its namespace.
        var start = new ProcessStartInfo(options.NetworkNamespace is null ? "unshare" : "ip") { UseShellExecute = false };
        if (options.NetworkNamespace is not null)
        {
            foreach (string a in new[] { "netns", "exec", options.NetworkNamespace, "unshare" })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (string a in new[] { "--mount", "--propagation", "private", "sh", "-c", script })
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the device's sshd");
    }

    private void WaitUntilListening()
    {
        string log = Path.Combine(Root, "ssh", "sshd.log");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (File.Exists(log) && File.ReadAllText(log).Contains("Server listening on", StringComparison.Ordinal))
            {
                return;
            }

            if (_sshd.HasExited)
            {
                break;
            }

            Thread.Sleep(50);
        }

        string launch = Path.Combine(Root, "ssh", "launch.log");
        Assert.Fail($"the simulated device's sshd did not start:\n{(File.Exists(launch) ? File.ReadAllText(launch) : "")}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
