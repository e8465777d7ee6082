using System.ComponentModel;
using System.Diagnostics;
using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// The Pi CSI camera through rpicam-vid (or libcamera-vid) streaming raw I420 on stdout. The Y
/// plane of each frame is the luminance frame: no decoding. A background task supervises the
/// child: it splits stdout into frames by size, keeps only the newest complete frame (a slow
/// consumer gets the latest picture, not a backlog), drops a frame cut short by the child's
/// exit, drains stderr continuously (a chatty child can never block on a full pipe) and
/// restarts the child with back-off when it exits. Dispose sends SIGTERM, then kills.
/// One consumer calls <see cref="ReadAsync"/> at a time.
/// </summary>
public sealed class PiCameraSource : IFrameSource
{
    public const string InstallHint = "install the camera apps with `sudo apt install rpicam-apps` (or set the camera app's path)";

    private readonly PiCameraOptions _options;
    private readonly I420Layout _layout;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _executable;
    private readonly LumaFrame _frame;
    private readonly LatestFrameSlot _slot;
    private readonly byte[] _raw;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _supervisor;
    private Process? _child;
    private volatile bool _disposed;

    public PiCameraSource(PiCameraOptions options, ILogger? logger = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        string? problem = options.Validate().FirstOrDefault();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _executable = options.Executable is null
            ? ExecutableSearch.FindPiCameraApp() ?? throw new HardwareUnavailableException($"Neither rpicam-vid nor libcamera-vid is on PATH: {InstallHint}.")
            : ExecutableSearch.Find(options.Executable) ?? throw new HardwareUnavailableException($"The camera app {options.Executable} does not exist or is not executable: {InstallHint}.");
        _layout = new I420Layout(options.Width, options.Height, options.Stride);
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _frame = new LumaFrame(options.Width, options.Height) { Origin = "picamera" };
        _raw = new byte[_layout.FrameBytes];
        _slot = new LatestFrameSlot(options.Width, options.Height);
        Description = $"picamera {options.Width}x{options.Height} via {Path.GetFileName(_executable)}";
        _supervisor = Task.Run(SuperviseAsync);
    }

    public string Description { get; }

    public I420Layout Layout => _layout;

    /// <summary>Children started so far (1 + restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>Complete frames read from the children (delivered or overtaken by a newer one).</summary>
    public long FramesReceived { get; private set; }

    /// <summary>Frames cut short by a child's exit and thrown away.</summary>
    public long PartialFramesDropped { get; private set; }

    /// <summary>How the last child ended, with its last stderr line, for logs and `info`.</summary>
    public string? LastExit { get; private set; }

    public ValueTask<LumaFrame?> ReadAsync(CancellationToken cancellationToken) => _slot.TakeAsync(_frame, cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        Process? child;
        lock (_gate)
        {
            child = _child;
        }

        if (child is not null)
        {
            Stop(child);
        }

        try
        {
            _supervisor.Wait(_options.StopTimeout + TimeSpan.FromSeconds(3));
        }
        catch (AggregateException)
        {
            // The supervisor only ends by cancellation; anything else was logged there.
        }

        _slot.Close();
    }

    private async Task SuperviseAsync()
    {
        TimeSpan delay = _options.FirstRestartDelay;
        while (!_stop.IsCancellationRequested)
        {
            long before = FramesReceived;
            string outcome;
            try
            {
                outcome = await RunChildAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
            {
                outcome = $"could not run it: {ex.Message}";
            }

            if (_stop.IsCancellationRequested)
            {
                break;
            }

            if (FramesReceived > before)
            {
                // It worked for a while: this is a new failure, not the same one repeating.
                delay = _options.FirstRestartDelay;
            }

            LastExit = outcome;
            _logger.LogWarning("{App} stopped ({Outcome}); restarting it in {Seconds:F1} s.", Path.GetFileName(_executable), outcome, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRestartDelay.Ticks));
        }
    }

    private async Task<string> RunChildAsync(CancellationToken stop)
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in _options.Arguments())
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        var tail = new StderrTail();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                tail.Add(e.Data);
                _logger.LogDebug("{App}: {Line}", Path.GetFileName(_executable), e.Data);
            }
        };
        process.Start();
        Starts++;
        lock (_gate)
        {
            _child = process;
        }

        // A hung child (camera stuck, no frames) is killed: its stdout then ends and it is restarted.
        bool stalled = false;
        using var watchdog = new CancellationTokenSource(_options.StallTimeout, _time);
        using CancellationTokenRegistration kill = watchdog.Token.Register(() =>
        {
            stalled = true;
            Stop(process);
        });
        try
        {
            process.BeginErrorReadLine();
            Stream stdout = process.StandardOutput.BaseStream;
            int filled = 0;
            while (true)
            {
                int n = await stdout.ReadAsync(_raw.AsMemory(filled, _layout.FrameBytes - filled), stop).ConfigureAwait(false);
                watchdog.CancelAfter(_options.StallTimeout);
                if (n == 0)
                {
                    break;
                }

                filled += n;
                if (filled == _layout.FrameBytes)
                {
                    Publish();
                    filled = 0;
                }
            }

            if (filled > 0)
            {
                PartialFramesDropped++;
                _logger.LogDebug("Dropped a partial frame of {Bytes} of {Expected} bytes.", filled, _layout.FrameBytes);
            }

            await process.WaitForExitAsync(stop).ConfigureAwait(false);
            if (stalled)
            {
                return $"no data for {_options.StallTimeout.TotalSeconds:F0} s, so it was stopped";
            }

            string? last = tail.Last();
            return $"exit code {process.ExitCode}{(last is null ? string.Empty : ": " + last)}";
        }
        finally
        {
            lock (_gate)
            {
                _child = null;
            }

            Stop(process);
        }
    }

    private void Publish()
    {
        _layout.CopyLuma(_raw, _slot.Back);
        _slot.Publish();
        FramesReceived++;
    }

    private void Stop(Process process)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            // SIGTERM lets the app release the camera; a child that ignores it is killed.
            if (!PosixSignals.Terminate(process.Id) || !process.WaitForExit(_options.StopTimeout))
            {
                process.Kill(entireProcessTree: true);
                // SIGKILL cannot be refused; wait long enough for it to be reaped even on a busy machine.
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited (or was never started) between the check and the signal.
        }
        catch (Win32Exception ex)
        {
            _logger.LogWarning("Could not stop {App} (pid {Pid}): {Message}", Path.GetFileName(_executable), process.Id, ex.Message);
        }
    }
}
