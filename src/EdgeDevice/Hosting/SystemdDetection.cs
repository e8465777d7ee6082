using Microsoft.Extensions.Hosting.Systemd;

namespace EdgeDevice.Hosting;

/// <summary>
/// Whether `run` is a systemd service, which decides the log format and whether READY,
/// WATCHDOG and STOPPING are sent.
/// </summary>
public static class SystemdDetection
{
    /// <summary>
    /// systemd hands a Type=notify service the socket to report to in NOTIFY_SOCKET; that is
    /// the answer that matters here, and it does not depend on seeing the parent process.
    /// The runtime's own check (SystemdHelpers.IsSystemdService) reads /proc/&lt;parent&gt;/comm,
    /// which ProtectProc=invisible hides from the service (PID 1 is not ours), so it alone
    /// would answer "no" inside the hardened unit and READY would never be sent.
    /// </summary>
    public static bool IsSystemdService(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrEmpty(environment("NOTIFY_SOCKET")) || SystemdHelpers.IsSystemdService();
    }
}
