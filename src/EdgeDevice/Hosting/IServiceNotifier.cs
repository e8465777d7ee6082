namespace EdgeDevice.Hosting;

/// <summary>
/// What the frame loop tells the service manager: ready after the first frame is shown,
/// alive on every frame (the watchdog), stopping on the way out. Under systemd this is the
/// sd_notify socket; elsewhere it does nothing.
/// </summary>
public interface IServiceNotifier
{
    void Ready();

    void Alive();

    void Stopping();
}
