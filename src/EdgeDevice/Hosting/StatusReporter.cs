using EdgeDevice.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Hosting;

/// <summary>
/// One log line every interval (frames, rate, kernel, vector path, gain) instead of a drawn
/// matrix: under systemd the journal and the SD card must not be flooded.
/// </summary>
internal sealed class StatusReporter(FramePipeline pipeline, ILogger logger, TimeProvider time, TimeSpan interval)
{
    private long _lastTimestamp = time.GetTimestamp();
    private long _lastFrames;

    public void Maybe(long frames)
    {
        TimeSpan elapsed = time.GetElapsedTime(_lastTimestamp);
        if (elapsed < interval)
        {
            return;
        }

        double fps = (frames - _lastFrames) / elapsed.TotalSeconds;
        logger.LogInformation(
            "{Frames} frames, {Fps:F1} fps, kernel {Kernel}, path {Path}, gain {Gain:F2}",
            frames, fps, pipeline.Filter.Name, pipeline.LastPath, pipeline.Gain);
        _lastTimestamp = time.GetTimestamp();
        _lastFrames = frames;
    }
}
