namespace EdgeDevice.Platform;

/// <summary>
/// The file the frame loop touches so `info --health` (and the deploy's health check) can
/// tell a live loop from a stuck one. Touched at most once per <see cref="MinInterval"/>:
/// often enough for the 5 s health window, rarely enough to spare an SD card.
/// </summary>
public sealed class Heartbeat(string path, TimeProvider time)
{
    /// <summary>The age beyond which `info --health` reports the service as not healthy.</summary>
    public static readonly TimeSpan HealthyAge = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;

    public string Path { get; } = path;

    /// <summary>Updates the file's time if the last touch is older than <see cref="MinInterval"/>.</summary>
    public void Beat()
    {
        DateTimeOffset now = time.GetUtcNow();
        if (now - _lastTouch < MinInterval)
        {
            return;
        }

        _lastTouch = now;
        if (!File.Exists(Path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.WriteAllText(Path, "edgedevice heartbeat\n");
        }

        File.SetLastWriteTimeUtc(Path, now.UtcDateTime);
    }

    /// <summary>How old the heartbeat is, or null when there is none.</summary>
    public static TimeSpan? Age(string path, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path);
    }
}
