using Microsoft.Extensions.Hosting.Systemd;

namespace EdgeDevice.Hosting;

/// <summary>
/// sd_notify through Microsoft.Extensions.Hosting.Systemd. READY is sent by the frame loop
/// after the first frame (not at host start) so `systemctl start` returns only once the LEDs
/// show something; WATCHDOG=1 is rate-limited to twice a second.
/// </summary>
public sealed class SystemdServiceNotifier(ISystemdNotifier notifier, TimeProvider time) : IServiceNotifier
{
    private static readonly ServiceState WatchdogState = new("WATCHDOG=1");
    private static readonly TimeSpan WatchdogInterval = TimeSpan.FromMilliseconds(500);
    private DateTimeOffset _lastAlive = DateTimeOffset.MinValue;

    public void Ready() => Notify(ServiceState.Ready);

    public void Alive()
    {
        DateTimeOffset now = time.GetUtcNow();
        if (now - _lastAlive >= WatchdogInterval)
        {
            _lastAlive = now;
            Notify(WatchdogState);
        }
    }

    public void Stopping() => Notify(ServiceState.Stopping);

    private void Notify(ServiceState state)
    {
        if (notifier.IsEnabled)
        {
            notifier.Notify(state);
        }
    }
}
