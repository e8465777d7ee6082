namespace EdgeDevice.Hosting;

/// <summary>How the frame loop ended, for the process exit code (the host itself only stops).</summary>
public sealed class RunOutcome
{
    public Exception? Failure { get; set; }
}
