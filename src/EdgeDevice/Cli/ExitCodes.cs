namespace EdgeDevice.Cli;

/// <summary>The process exit codes of INTERFACE.md; scripts and the systemd unit rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected runtime failure: a bug, or an I/O error mid-run.</summary>
    public const int Failure = 1;

    /// <summary>Invalid command line, settings or input file; the message names which and why.</summary>
    public const int InvalidInput = 2;

    /// <summary>Training diverged or did not reach its target.</summary>
    public const int TrainingFailed = 3;

    /// <summary>
    /// Configured hardware absent or unusable at start-up. The unit lists it in
    /// RestartPreventExitStatus, so a missing display does not restart-loop.
    /// </summary>
    public const int HardwareAbsent = 4;
}
