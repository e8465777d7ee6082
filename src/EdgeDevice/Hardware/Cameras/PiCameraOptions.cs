namespace EdgeDevice.Hardware.Cameras;

/// <summary>How to run the Pi camera app (rpicam-vid, or libcamera-vid on older images).</summary>
public sealed class PiCameraOptions
{
    /// <summary>The app to run; null finds rpicam-vid, then libcamera-vid, on PATH.</summary>
    public string? Executable { get; set; }

    public int Width { get; set; } = 640;

    public int Height { get; set; } = 480;

    /// <summary>Bytes per Y row in the app's output; 0 = the width rounded up to 64 (see <see cref="I420Layout"/>).</summary>
    public int Stride { get; set; }

    public double FrameRate { get; set; } = 15;

    /// <summary>More arguments for the app (e.g. "--camera", "1", "--hflip").</summary>
    public IList<string> ExtraArguments { get; set; } = [];

    /// <summary>The wait before the first restart of a child that exited; it doubles up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan FirstRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A child that sends nothing for this long is taken as hung, killed and restarted.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a child may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The command-line arguments for a raw I420 stream on stdout, forever, each frame flushed.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var args = new List<string>
        {
            "--codec", "yuv420",
            "--width", Width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--height", Height.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--framerate", FrameRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--timeout", "0",
            "--nopreview",
            "--flush",
            "--output", "-",
        };
        args.AddRange(ExtraArguments);
        return args;
    }

    public IEnumerable<string> Validate()
    {
        if (Width < 2 || Width % 2 != 0 || Height < 2 || Height % 2 != 0)
        {
            yield return $"The Pi camera size {Width}x{Height} must be even in both directions.";
        }

        if (Stride != 0 && (Stride < Width || Stride % 2 != 0))
        {
            yield return $"The Pi camera stride {Stride} must be 0 (automatic) or an even number at least the width {Width}.";
        }

        if (!double.IsFinite(FrameRate) || FrameRate <= 0)
        {
            yield return $"The Pi camera frame rate {FrameRate} must be a positive number.";
        }

        if (StallTimeout <= TimeSpan.Zero)
        {
            yield return "The Pi camera stall timeout must be positive.";
        }

        if (FirstRestartDelay <= TimeSpan.Zero || MaxRestartDelay < FirstRestartDelay)
        {
            yield return "The Pi camera restart delays must be positive, the maximum at least the first.";
        }
    }
}
