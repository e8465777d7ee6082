namespace Deploy.Tests.Infrastructure;

/// <summary>The SSH key pairs the deploying side uses: one the devices accept, one they do not.</summary>
public static class ClientKeys
{
    private static readonly Lazy<string> Trusted = new(() => Generate("client"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Stranger = new(() => Generate("stranger"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Private key file; devices list its public half as authorized.</summary>
    public static string Deployer => Trusted.Value;

    /// <summary>Private key file no device knows.</summary>
    public static string Unknown => Stranger.Value;

    public static string PublicKeyOf(string privateKeyFile) => File.ReadAllText(privateKeyFile + ".pub").Trim();

    /// <summary>A fresh ed25519 key pair in <paramref name="folder"/>; returns the private key's path.</summary>
    public static string Generate(string name, string? folder = null)
    {
        string path = Path.Combine(folder ?? TestRun.NewFolder("keys"), name);
        ProcessRunner.Check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", $"edgedevice-test-{name}", "-f", path);
        return path;
    }
}
