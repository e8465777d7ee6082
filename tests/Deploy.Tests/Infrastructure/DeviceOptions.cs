namespace Deploy.Tests.Infrastructure;

/// <summary>How a simulated device differs from a well set-up Raspberry Pi.</summary>
public sealed record DeviceOptions
{
    /// <summary>
    /// The test hook for the deploy's architecture check: the device's sshd puts a `uname`
    /// that answers `-m` with aarch64 first in PATH. deploy.sh has no override of its own.
    /// </summary>
    public bool ReportsAarch64 { get; init; } = true;

    /// <summary>The login user (Raspberry Pi OS's first user, with passwordless sudo by default).</summary>
    public string LoginUser { get; init; } = "pi";

    public bool PasswordlessSudo { get; init; } = true;

    /// <summary>Hide rsync on the device (an empty, non-executable file is mounted over it).</summary>
    public bool WithoutRsync { get; init; }

    /// <summary>Put a tmpfs of this size over the device's /opt (a nearly full SD card).</summary>
    public int? OptSizeMegabytes { get; init; }

    /// <summary>Run the device's sshd in this network namespace (a fleet member); null: loopback.</summary>
    public string? NetworkNamespace { get; init; }

    /// <summary>The namespace the deploying side runs in to reach a fleet member.</summary>
    public string? ControllerNamespace { get; init; }

    public string Address { get; init; } = "127.0.0.1";

    /// <summary>0: a free loopback port is picked.</summary>
    public int Port { get; init; }
}
