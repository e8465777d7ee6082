namespace EdgeDevice.Hardware.Gpio;

/// <summary>
/// Turns raw button edges into exactly one gesture per use. GpioButton raises Press on every
/// release, including the release that ends a hold and both halves of a double press, so its
/// events cannot be mapped to actions one to one. Here a single press is only reported once the
/// double-press window has closed without a second press; a second press inside the window makes
/// a double press (and no single press); a press held for the hold time is a hold, reported at
/// once, and its release is ignored (a press followed by a hold is just the hold). Edges closer
/// than the debounce time to the last accepted edge are contact bounce and ignored. Time comes
/// from a <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed class ButtonGestures : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<ButtonGesture> _report;
    private readonly object _gate = new();
    private ITimer? _holdTimer;
    private ITimer? _windowTimer;
    private bool _down;
    private bool _holdReported;
    private bool _firstPressPending;
    private bool _secondPress;
    private DateTimeOffset _lastEdge = DateTimeOffset.MinValue;

    public ButtonGestures(TimeProvider time, Action<ButtonGesture> report, TimeSpan hold, TimeSpan doublePressWindow, TimeSpan debounce)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        if (hold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(hold), hold, "The hold time must be positive.");
        }

        if (doublePressWindow <= TimeSpan.Zero || doublePressWindow >= hold)
        {
            throw new ArgumentOutOfRangeException(nameof(doublePressWindow), doublePressWindow, "The double-press window must be positive and shorter than the hold time.");
        }

        if (debounce < TimeSpan.Zero || debounce * 3 > doublePressWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(debounce), debounce, "The debounce time must be at least 0 and at most a third of the double-press window.");
        }

        Hold = hold;
        DoublePressWindow = doublePressWindow;
        Debounce = debounce;
    }

    public static TimeSpan DefaultDoublePressWindow => TimeSpan.FromMilliseconds(400);

    public static TimeSpan DefaultDebounce => TimeSpan.FromMilliseconds(30);

    public TimeSpan Hold { get; }

    public TimeSpan DoublePressWindow { get; }

    public TimeSpan Debounce { get; }

    /// <summary>The button went down (pressed).</summary>
    public void Down()
    {
        lock (_gate)
        {
            if (_down || Bounced())
            {
                return;
            }

            _down = true;
            _holdReported = false;
            _secondPress = _firstPressPending;
            _windowTimer?.Dispose();
            _windowTimer = null;
            _holdTimer?.Dispose();
            _holdTimer = _time.CreateTimer(_ => HoldElapsed(), null, Hold, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The button came up (released).</summary>
    public void Up()
    {
        ButtonGesture? gesture = null;
        lock (_gate)
        {
            if (!_down || Bounced())
            {
                return;
            }

            _down = false;
            _holdTimer?.Dispose();
            _holdTimer = null;
            if (_holdReported)
            {
                _firstPressPending = false;
            }
            else if (_secondPress)
            {
                _firstPressPending = false;
                gesture = ButtonGesture.DoublePress;
            }
            else
            {
                _firstPressPending = true;
                _windowTimer = _time.CreateTimer(_ => WindowElapsed(), null, DoublePressWindow, Timeout.InfiniteTimeSpan);
            }
        }

        Emit(gesture);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _holdTimer?.Dispose();
            _windowTimer?.Dispose();
            _holdTimer = null;
            _windowTimer = null;
        }
    }

    private bool Bounced()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now - _lastEdge < Debounce)
        {
            return true;
        }

        _lastEdge = now;
        return false;
    }

    private void HoldElapsed()
    {
        lock (_gate)
        {
            if (!_down || _holdReported)
            {
                return;
            }

            _holdReported = true;
            _firstPressPending = false;
        }

        Emit(ButtonGesture.Hold);
    }

    private void WindowElapsed()
    {
        lock (_gate)
        {
            if (!_firstPressPending || _down)
            {
                return;
            }

            _firstPressPending = false;
            _windowTimer?.Dispose();
            _windowTimer = null;
        }

        Emit(ButtonGesture.Press);
    }

    // Reported outside the lock: the receiver may take its time or post to another thread.
    private void Emit(ButtonGesture? gesture)
    {
        if (gesture is ButtonGesture g)
        {
            _report(g);
        }
    }
}
