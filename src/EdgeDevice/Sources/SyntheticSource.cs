using EdgeDevice.Frames;

namespace EdgeDevice.Sources;

/// <summary>
/// An endless stream of <see cref="SyntheticPattern"/> frames: needs no hardware and no files,
/// so it is the fallback source everywhere. Allocates nothing per frame after construction
/// when unpaced.
/// </summary>
public sealed class SyntheticSource : IFrameSource
{
    public const int DefaultWidth = 320;
    public const int DefaultHeight = 240;

    private readonly LumaFrame _frame;
    private readonly FramePacer _pacer;
    private long _next;
    private bool _disposed;

    /// <param name="framesPerSecond">0 (the default): as fast as read.</param>
    /// <param name="timeProvider">The clock for pacing; the system clock when null.</param>
    public SyntheticSource(int width = DefaultWidth, int height = DefaultHeight, double framesPerSecond = 0, TimeProvider? timeProvider = null)
    {
        SourceOptionChecks.FrameSize(width, height);
        _frame = new LumaFrame(width, height) { Origin = "synthetic" };
        _pacer = new FramePacer(framesPerSecond, timeProvider ?? TimeProvider.System);
        Description = framesPerSecond == 0 ? $"synthetic {width}x{height}" : $"synthetic {width}x{height} at {framesPerSecond:0.##} fps";
    }

    public string Description { get; }

    public ValueTask<LumaFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        long index = _next++;
        SyntheticPattern.Render(index, _frame.AsWritablePlane());
        _frame.Sequence = index;
        ValueTask wait = _pacer.WaitForNextFrameAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? new ValueTask<LumaFrame?>(_frame) : AfterWait(wait);
    }

    public void Dispose() => _disposed = true;

    private async ValueTask<LumaFrame?> AfterWait(ValueTask wait)
    {
        await wait.ConfigureAwait(false);
        return _frame;
    }
}
