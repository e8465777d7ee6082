namespace EdgeDevice.Platform;

/// <summary>
/// Where state lives (learned kernels, the heartbeat): $STATE_DIRECTORY under systemd
/// (/var/lib/edgedevice), else $XDG_STATE_HOME/edgedevice, else ~/.local/state/edgedevice.
/// </summary>
public static class StatePaths
{
    public const string HeartbeatFileName = "heartbeat";

    /// <summary>The state folder for this environment (not created).</summary>
    public static string StateDirectory(Func<string, string?>? getEnv = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;

        // systemd passes a colon-separated list when the unit names several directories.
        string? systemd = getEnv("STATE_DIRECTORY");
        if (!string.IsNullOrWhiteSpace(systemd))
        {
            return systemd.Split(':', StringSplitOptions.RemoveEmptyEntries)[0];
        }

        string? xdg = getEnv("XDG_STATE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
        {
            return Path.Combine(xdg, "edgedevice");
        }

        string home = getEnv("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state", "edgedevice");
    }

    public static string HeartbeatFile(Func<string, string?>? getEnv = null) =>
        Path.Combine(StateDirectory(getEnv), HeartbeatFileName);
}
