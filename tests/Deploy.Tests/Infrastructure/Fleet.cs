using System.Globalization;

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// Several simulated Pis on a network of their own: one network namespace holds a bridge and
/// the deploying side, each device has its own namespace joined to the bridge by a veth pair
/// and its own sshd on port 22 of its own address. The /24 exists only inside these
/// namespaces; nothing is routed to or from this machine's network. Dispose stops every
/// sshd and deletes every namespace.
/// </summary>
public sealed class Fleet : IDisposable
{
    /// <summary>The fleet's private network (exists only inside the namespaces).</summary>
    public const string Subnet = "10.231.41";

    private readonly List<string> _namespaces = [];
    private readonly List<SimulatedDevice> _devices = [];

    private Fleet(string prefix)
    {
        Prefix = prefix;
    }

    /// <summary>The namespace the deploy (deploy.sh, ansible-playbook) runs in.</summary>
    public string ControllerNamespace => Prefix + "c";

    public IReadOnlyList<SimulatedDevice> Devices => _devices;

    /// <summary>A known_hosts file pinning every device's host key.</summary>
    public string KnownHosts { get; private set; } = "";

    private string Prefix { get; }

    public static Fleet Start(params DeviceOptions[] devices)
    {
        var fleet = new Fleet($"edt{Environment.ProcessId % 100000}x{Interlocked.Increment(ref _fleets)}");
        try
        {
            fleet.Build(devices);
        }
        catch
        {
            fleet.Dispose();
            throw;
        }

        return fleet;
    }

    public static string AddressOf(int index) => $"{Subnet}.{11 + index}";

    public void Dispose()
    {
        foreach (SimulatedDevice device in _devices)
        {
            device.Dispose();
        }

        foreach (string ns in Enumerable.Reverse(_namespaces))
        {
            ProcessRunner.Run("ip", "netns", "delete", ns);
        }
    }

    private static int _fleets;

    private void Build(DeviceOptions[] devices)
    {
        string controller = ControllerNamespace;
        Ip("netns", "add", controller);
        _namespaces.Add(controller);
        Ip("-n", controller, "link", "set", "lo", "up");
        Ip("-n", controller, "link", "add", "br0", "type", "bridge");
        Ip("-n", controller, "addr", "add", $"{Subnet}.1/24", "dev", "br0");
        Ip("-n", controller, "link", "set", "br0", "up");

        for (int i = 0; i < devices.Length; i++)
        {
            string ns = $"{Prefix}d{i}";
            string veth = $"v{i}";
            Ip("netns", "add", ns);
            _namespaces.Add(ns);
            Ip("-n", ns, "link", "set", "lo", "up");
            Ip("-n", controller, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
            Ip("-n", controller, "link", "set", veth, "master", "br0", "up");
            Ip("-n", ns, "addr", "add", $"{AddressOf(i)}/24", "dev", "eth0");
            Ip("-n", ns, "link", "set", "eth0", "up");

            _devices.Add(SimulatedDevice.Start(devices[i] with
            {
                NetworkNamespace = ns,
                ControllerNamespace = controller,
                Address = AddressOf(i),
                Port = 22,
            }));
        }

        KnownHosts = Path.Combine(TestRun.NewFolder("fleet"), "known_hosts");
        File.WriteAllLines(KnownHosts, _devices.Select(d => d.KnownHostsLine));
    }

    private static void Ip(params string[] args)
    {
        ProcessResult result = ProcessRunner.Run("ip", args);
        Assert.True(result.ExitCode == 0, result.Describe());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"fleet {Prefix} of {_devices.Count}");
}
