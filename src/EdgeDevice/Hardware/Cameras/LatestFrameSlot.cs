using EdgeDevice.Frames;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// Hands the newest complete luminance frame from a camera's capture thread to the frame loop.
/// The producer fills <see cref="Back"/> and publishes it; a frame the consumer has not taken
/// yet is simply replaced, so a slow pipeline always gets the latest picture instead of a
/// growing backlog. Two buffers, allocated once; the consumer copies under the lock.
/// </summary>
internal sealed class LatestFrameSlot(int width, int height)
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private byte[] _back = new byte[width * height];
    private byte[] _ready = new byte[width * height];
    private long _published;
    private long _taken;
    private long _delivered;
    private bool _closed;

    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>The buffer the producer writes the next frame into (producer thread only).</summary>
    public byte[] Back => _back;

    public long Published => Interlocked.Read(ref _published);

    public void Publish()
    {
        lock (_gate)
        {
            (_back, _ready) = (_ready, _back);
            _published++;
            WakeLocked();
        }
    }

    /// <summary>Waits for a frame newer than the last one taken and copies it into <paramref name="target"/>; null once closed.</summary>
    public async ValueTask<LumaFrame?> TakeAsync(LumaFrame target, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return null;
                }

                if (_published > _taken)
                {
                    _ready.AsSpan(0, Width * Height).CopyTo(target.Pixels);
                    _taken = _published;
                    target.Sequence = _delivered++;
                    return target;
                }
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the stream: waiting and later takes return null.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            WakeLocked();
        }
    }

    private void WakeLocked()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }
}
