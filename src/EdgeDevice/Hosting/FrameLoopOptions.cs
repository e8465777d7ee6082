namespace EdgeDevice.Hosting;

/// <summary>How the frame loop paces itself and reports.</summary>
public sealed record FrameLoopOptions
{
    /// <summary>Stop after this many frames; 0 runs until stopped.</summary>
    public long MaxFrames { get; init; }

    /// <summary>Frames per second; 0 = as fast as the source and pipeline allow.</summary>
    public double FrameRate { get; init; }

    /// <summary>How often to log a one-line status (when no terminal shows the matrix).</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Log status lines (under systemd); off when the terminal shows a live status.</summary>
    public bool LogStatus { get; init; } = true;

    /// <summary>How many bad frames in a row end the run (a source that only fails is broken).</summary>
    public int MaxConsecutiveBadFrames { get; init; } = 50;
}
