namespace Deploy.Tests.Infrastructure;

/// <summary>How a finished process ended and what it printed.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>For assertion messages: the command, its exit code and everything it printed.</summary>
    public string Describe() =>
        $"`{Command}` exited {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
