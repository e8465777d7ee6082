using EdgeDevice.Display;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Keeps the frame loop running when a bus display fails at run time (a loose wire, an I2C NACK,
/// an SPI error): the failure is logged, frames are dropped until a retry is due, and retries
/// back off from <see cref="FirstDelay"/> doubling up to <see cref="MaxDelay"/>. A success logs
/// the recovery and resets the back-off. Errors that are bugs (bad arguments) still throw.
/// </summary>
public sealed class ResilientDisplay : IDisplay
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly IDisplay _inner;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private TimeSpan _delay = FirstDelay;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;

    public ResilientDisplay(IDisplay inner, ILogger? logger = null, TimeProvider? time = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public string Name => _inner.Name;

    public DisplayCapabilities Capabilities => _inner.Capabilities;

    /// <summary>How many attempts in a row have failed (0 while the display works).</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Frames dropped since start because the display was failing.</summary>
    public long DroppedFrames { get; private set; }

    public bool IsFailing => ConsecutiveFailures > 0;

    public void Show(LedFrame frame)
    {
        if (IsFailing && _time.GetUtcNow() < _retryAt)
        {
            DroppedFrames++;
            return;
        }

        try
        {
            if (IsFailing && _inner is IReinitializable chip)
            {
                chip.Reinitialize();
            }

            _inner.Show(frame);
        }
        catch (Exception ex) when (IsBusFailure(ex))
        {
            DroppedFrames++;
            Failed(ex);
            return;
        }

        if (IsFailing)
        {
            _logger.LogInformation("Display {Name} works again after {Failures} failed attempts.", Name, ConsecutiveFailures);
            ConsecutiveFailures = 0;
            _delay = FirstDelay;
        }
    }

    public void Blank()
    {
        try
        {
            _inner.Blank();
        }
        catch (Exception ex) when (IsBusFailure(ex))
        {
            // Blanking happens on the way out; a display that is gone cannot show a stale picture anyway.
            _logger.LogWarning("Could not blank display {Name}: {Message}", Name, ex.Message);
        }
    }

    public void Dispose()
    {
        try
        {
            _inner.Dispose();
        }
        catch (Exception ex) when (IsBusFailure(ex))
        {
            _logger.LogWarning("Could not blank and release display {Name}: {Message}", Name, ex.Message);
        }
    }

    /// <summary>Bus and device-file errors: what a missing, unpowered or unplugged device produces.</summary>
    public static bool IsBusFailure(Exception ex) => ex is IOException or TimeoutException or UnauthorizedAccessException;

    private void Failed(Exception ex)
    {
        ConsecutiveFailures++;
        _retryAt = _time.GetUtcNow() + _delay;
        _logger.LogWarning(
            "Display {Name} failed ({Message}); attempt {Failures}, retrying in {Seconds:F1} s. Check its wiring and power.",
            Name,
            ex.Message,
            ConsecutiveFailures,
            _delay.TotalSeconds);
        _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
    }
}
