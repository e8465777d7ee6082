namespace EdgeDevice.Hardware.Cameras;

/// <summary>A V4L2 (USB) webcam read in YUYV.</summary>
public sealed class UsbCameraOptions
{
    /// <summary>N of /dev/videoN.</summary>
    public int Device { get; set; }

    public int Width { get; set; } = 640;

    public int Height { get; set; } = 480;

    public TimeSpan FirstRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No frame for this long (or the device node gone) restarts the capture.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string DevicePath => $"/dev/video{Device}";

    public IEnumerable<string> Validate()
    {
        if (Device < 0)
        {
            yield return $"The USB camera device number {Device} must be 0 or more (/dev/videoN).";
        }

        if (Width < 2 || Width % 2 != 0 || Height < 1)
        {
            yield return $"The USB camera size {Width}x{Height} needs an even width (YUYV pairs pixels).";
        }

        if (FirstRestartDelay <= TimeSpan.Zero || MaxRestartDelay < FirstRestartDelay || StallTimeout <= TimeSpan.Zero)
        {
            yield return "The USB camera delays must be positive, the maximum restart delay at least the first.";
        }
    }
}
