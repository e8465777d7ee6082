namespace EdgeDevice.Sources;

/// <summary>
/// Holds a source to a frame rate: frame k is due at start + k / fps. A consumer that falls
/// more than a frame behind restarts the schedule rather than getting a burst of catch-up
/// frames. Time comes from a <see cref="TimeProvider"/> so tests can drive it.
/// </summary>
internal sealed class FramePacer
{
    private readonly TimeProvider _time;
    private readonly long _periodTicks;
    private long _dueTimestamp;
    private bool _started;

    /// <param name="framesPerSecond">0 means no pacing: every wait returns at once.</param>
    public FramePacer(double framesPerSecond, TimeProvider time)
    {
        SourceOptionChecks.FramesPerSecond(framesPerSecond, nameof(framesPerSecond));
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _periodTicks = framesPerSecond == 0 ? 0 : (long)Math.Round(time.TimestampFrequency / framesPerSecond);
    }

    public bool IsPaced => _periodTicks > 0;

    /// <summary>Completes when the next frame is due; synchronously (no allocation) when it already is.</summary>
    public ValueTask WaitForNextFrameAsync(CancellationToken cancellationToken)
    {
        if (_periodTicks == 0)
        {
            return ValueTask.CompletedTask;
        }

        long now = _time.GetTimestamp();
        if (!_started)
        {
            _started = true;
            _dueTimestamp = now;
            return ValueTask.CompletedTask;
        }

        _dueTimestamp += _periodTicks;
        if (now - _dueTimestamp >= _periodTicks)
        {
            _dueTimestamp = now;
        }

        if (now >= _dueTimestamp)
        {
            return ValueTask.CompletedTask;
        }

        TimeSpan wait = _time.GetElapsedTime(now, _dueTimestamp);
        return new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }
}
