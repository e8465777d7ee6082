using EdgeDevice.Actions;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using EdgeDevice.Platform;
using EdgeDevice.Sources;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Hosting;

/// <summary>
/// The device loop: read a frame, apply queued actions, run the pipeline, show the LEDs,
/// feed the watchdog and heartbeat, keep pace. A bad frame is logged and skipped; the end of
/// the source ends the loop; stopping always blanks the display.
/// </summary>
public sealed class FrameLoop(
    IFrameSource source,
    FramePipeline pipeline,
    IDisplay display,
    ActionQueue actions,
    KernelCycle kernels,
    FrameLoopOptions options,
    IServiceNotifier notifier,
    Heartbeat? heartbeat,
    ILogger logger,
    TimeProvider time)
{
    private long _shown;

    /// <summary>Frames shown so far.</summary>
    public long FramesShown => _shown;

    /// <summary>Raised after each frame is shown (simulate uses it to write pictures).</summary>
    public event Action<LumaFrame, LedFrame>? FrameShown;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = new StatusReporter(pipeline, logger, time, options.StatusInterval);
        long started = time.GetTimestamp();
        int badInARow = 0;
        ShowStatus();
        try
        {
            while (!cancellationToken.IsCancellationRequested && (options.MaxFrames == 0 || _shown < options.MaxFrames))
            {
                if (ApplyActions())
                {
                    break;
                }

                LumaFrame? frame;
                try
                {
                    frame = await source.ReadAsync(cancellationToken);
                }
                catch (FrameSourceException ex)
                {
                    badInARow++;
                    logger.LogWarning("Skipped a frame: {Message}", ex.Message);
                    if (badInARow >= options.MaxConsecutiveBadFrames)
                    {
                        throw new IOException($"{source.Description} failed {badInARow} times in a row; last: {ex.Message}", ex);
                    }

                    notifier.Alive();
                    continue;
                }

                if (frame is null)
                {
                    logger.LogInformation("{Source} has ended after {Frames} frames.", source.Description, _shown);
                    break;
                }

                badInARow = 0;
                LedFrame leds = pipeline.Process(frame);
                display.Show(leds);
                _shown++;
                if (_shown == 1)
                {
                    notifier.Ready();
                }

                notifier.Alive();
                heartbeat?.Beat();
                FrameShown?.Invoke(frame, leds);
                if (options.LogStatus)
                {
                    status.Maybe(_shown);
                }

                await PaceAsync(started, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A normal stop (SIGTERM, Ctrl+C): fall through to blank the display.
        }
        finally
        {
            notifier.Stopping();
            display.Blank();
        }
    }

    /// <summary>Applies every queued action; true when one of them asks to quit.</summary>
    private bool ApplyActions()
    {
        while (actions.TryTake(out DeviceAction action))
        {
            switch (action)
            {
                case DeviceAction.NextKernel:
                    pipeline.Filter = kernels.Next();
                    logger.LogInformation("Kernel: {Kernel}", pipeline.Filter.Name);
                    ShowStatus();
                    break;
                case DeviceAction.ToggleMap:
                    pipeline.Map = pipeline.EffectiveMap == MapMode.Signed ? MapMode.Magnitude : MapMode.Signed;
                    logger.LogInformation("Colour map: {Map}", pipeline.Map);
                    ShowStatus();
                    break;
                case DeviceAction.ToggleTraining:
                    logger.LogInformation("Training mode is not available in this build.");
                    break;
                case DeviceAction.Quit:
                    return true;
            }
        }

        return false;
    }

    private void ShowStatus() =>
        (display as IStatusLine)?.SetStatus($"{pipeline.Filter.Name}, {pipeline.EffectiveMap.ToString().ToLowerInvariant()} map | {KeyBindings.Help}");

    private async Task PaceAsync(long started, CancellationToken cancellationToken)
    {
        if (options.FrameRate <= 0)
        {
            return;
        }

        TimeSpan due = TimeSpan.FromSeconds(_shown / options.FrameRate);
        TimeSpan elapsed = time.GetElapsedTime(started);
        if (due > elapsed)
        {
            await Task.Delay(due - elapsed, time, cancellationToken);
        }
    }
}
