using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Hosting;

/// <summary>
/// Runs the frame loop inside the generic host. When the loop ends on its own (frames done,
/// q pressed, source ended, a failure) it asks the host to stop, so the process exits.
/// </summary>
public sealed class FrameLoopService(FrameLoop loop, RunOutcome outcome, IHostApplicationLifetime lifetime, ILogger<FrameLoopService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once: the loop runs on the thread pool.
        await Task.Yield();
        try
        {
            await loop.RunAsync(stoppingToken);
        }
        catch (Exception ex)
        {
            outcome.Failure = ex;
            logger.LogError("The frame loop stopped: {Message}", ex.Message);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
