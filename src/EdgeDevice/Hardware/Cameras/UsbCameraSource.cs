using System.Buffers;
using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Sources;
using Iot.Device.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// A USB webcam through V4L2 (Iot.Device.Media VideoDevice) in YUYV. A capture thread runs the
/// binding's continuous capture with buffer pooling on: each buffer's Y bytes go straight into
/// the newest-frame slot and the buffer goes back to the pool, so the program itself makes no
/// per-frame garbage (the binding still allocates its small event arguments). When the device
/// node disappears, capture fails or frames stop coming, capture is stopped and started again
/// with back-off, and the program keeps running.
/// </summary>
public sealed class UsbCameraSource : IFrameSource
{
    private readonly VideoDevice _device;
    private readonly UsbCameraOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ArrayPool<byte> _pool;
    private readonly Func<bool> _isPresent;
    private readonly LatestFrameSlot _slot;
    private readonly LumaFrame _frame;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _lastFrameTicks;
    private int _wrongSizeReported;
    private bool _disposed;

    /// <param name="device">The camera, set up for YUYV at the options' size; disposed with the source.</param>
    /// <param name="pool">The pool the device rents buffers from (ArrayPool.Shared for the real binding).</param>
    /// <param name="isPresent">Whether the device is still there (default: its /dev node exists).</param>
    public UsbCameraSource(VideoDevice device, UsbCameraOptions options, ILogger? logger = null, TimeProvider? time = null, ArrayPool<byte>? pool = null, Func<bool>? isPresent = null)
    {
        _device = device ?? throw new ArgumentNullException(nameof(device));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        string? problem = options.Validate().FirstOrDefault();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _pool = pool ?? ArrayPool<byte>.Shared;
        _isPresent = isPresent ?? (() => File.Exists(device.DevicePath));
        _slot = new LatestFrameSlot(options.Width, options.Height);
        _frame = new LumaFrame(options.Width, options.Height) { Origin = device.DevicePath };
        Description = $"usb camera {device.DevicePath} {options.Width}x{options.Height}";
        _device.ImageBufferPoolingEnabled = true;
        _device.NewImageBufferReady += OnBuffer;
        _thread = new Thread(CaptureLoop) { IsBackground = true, Name = "usb-camera" };
        _thread.Start();
    }

    public string Description { get; }

    private TimeSpan WatchdogPeriod => TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, _options.StallTimeout.Ticks / 2));

    /// <summary>Times capture was started (1 + restarts).</summary>
    public int Starts { get; private set; }

    public long FramesReceived => _slot.Published;

    /// <summary>
    /// Opens /dev/video{N} for YUYV at the configured size, or throws
    /// <see cref="HardwareUnavailableException"/> with what to do.
    /// </summary>
    public static UsbCameraSource Open(UsbCameraOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.DevicePath))
        {
            throw new HardwareUnavailableException($"No camera at {options.DevicePath}: plug in a USB camera, or list the cameras with `v4l2-ctl --list-devices` and set the device number.");
        }

        VideoDevice device;
        try
        {
            device = VideoDevice.Create(new VideoConnectionSettings(options.Device, ((uint)options.Width, (uint)options.Height), VideoPixelFormat.YUYV));
            if (!device.GetSupportedPixelFormats().Contains(VideoPixelFormat.YUYV))
            {
                device.Dispose();
                throw new HardwareUnavailableException($"The camera at {options.DevicePath} does not offer YUYV frames (`v4l2-ctl -d {options.DevicePath} --list-formats-ext` shows what it does).");
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HardwareUnavailableException($"Permission denied on {options.DevicePath}: add the user to the video group (`sudo usermod -aG video $USER`, then log in again).", ex);
        }
        catch (IOException ex)
        {
            throw new HardwareUnavailableException($"Could not open the camera at {options.DevicePath} ({ex.Message}): check that it is not in use and that the user is in the video group.", ex);
        }

        return new UsbCameraSource(device, options, logger);
    }

    public ValueTask<LumaFrame?> ReadAsync(CancellationToken cancellationToken) => _slot.TakeAsync(_frame, cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(5));
        _device.NewImageBufferReady -= OnBuffer;
        _slot.Close();
        _device.Dispose();
    }

    /// <summary>One pooled YUYV buffer from the device: its Y bytes become the newest frame, the buffer goes back.</summary>
    internal void Accept(byte[] buffer, int length)
    {
        try
        {
            int stride = YuyvLuma.Stride(length, _options.Width, _options.Height);
            if (stride == 0)
            {
                if (Interlocked.Exchange(ref _wrongSizeReported, 1) == 0)
                {
                    _logger.LogWarning(
                        "The camera sent {Length} bytes per frame; {Width}x{Height} YUYV needs {Needed}. Choose a size it supports (`v4l2-ctl --list-formats-ext`).",
                        length,
                        _options.Width,
                        _options.Height,
                        2 * _options.Width * _options.Height);
                }

                return;
            }

            YuyvLuma.Extract(buffer.AsSpan(0, length), stride, _options.Width, _options.Height, _slot.Back);
            Interlocked.Exchange(ref _lastFrameTicks, _time.GetTimestamp());
            _slot.Publish();
        }
        finally
        {
            _pool.Return(buffer);
        }
    }

    private void OnBuffer(object sender, NewImageBufferReadyEventArgs e) => Accept(e.ImageBuffer, e.Length);

    private void CaptureLoop()
    {
        TimeSpan delay = _options.FirstRestartDelay;
        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            long before = FramesReceived;
            string outcome = CaptureOnce(stop);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (FramesReceived > before)
            {
                delay = _options.FirstRestartDelay;
            }

            _logger.LogWarning("Camera {Path}: {Outcome}; retrying in {Seconds:F1} s.", _device.DevicePath, outcome, delay.TotalSeconds);
            try
            {
                Task.Delay(delay, _time, stop).Wait(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRestartDelay.Ticks));
        }
    }

    private string CaptureOnce(CancellationToken stop)
    {
        if (!_isPresent())
        {
            return "the device is gone (unplugged?)";
        }

        using var capture = CancellationTokenSource.CreateLinkedTokenSource(stop);
        string? reason = null;
        Interlocked.Exchange(ref _lastFrameTicks, _time.GetTimestamp());

        // Checks once a second that the device is still there and still sending frames; a
        // cancelled token ends the binding's capture loop at its next frame.
        using ITimer watchdog = _time.CreateTimer(
            _ =>
            {
                if (!_isPresent())
                {
                    reason = "the device disappeared";
                    capture.Cancel();
                }
                else if (_time.GetElapsedTime(Interlocked.Read(ref _lastFrameTicks)) > _options.StallTimeout)
                {
                    reason = $"no frame for {_options.StallTimeout.TotalSeconds:F0} s";
                    capture.Cancel();
                }
            },
            null,
            WatchdogPeriod,
            WatchdogPeriod);
        try
        {
            Starts++;
            _device.StartCaptureContinuous();
            _device.CaptureContinuous(capture.Token);
            return reason ?? "capture ended";
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return $"capture failed: {ex.Message}";
        }
        finally
        {
            try
            {
                _device.StopCaptureContinuous();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                _logger.LogDebug("Stopping capture on {Path}: {Message}", _device.DevicePath, ex.Message);
            }
        }
    }
}
