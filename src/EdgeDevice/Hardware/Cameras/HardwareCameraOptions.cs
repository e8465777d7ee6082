namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// The extra "Source" settings the cameras need beyond SourceOptions (Kind, FrameRate), bound
/// from the same section.
/// </summary>
public sealed class HardwareCameraOptions
{
    public int CameraWidth { get; set; } = 640;

    public int CameraHeight { get; set; } = 480;

    /// <summary>Pi camera: bytes per Y row of rpicam-vid's output; 0 = the width rounded up to 64.</summary>
    public int CameraStride { get; set; }

    /// <summary>USB camera: N of /dev/videoN; -1 = the first USB camera found.</summary>
    public int CameraDevice { get; set; } = -1;

    /// <summary>Pi camera: the app to run; empty = rpicam-vid, else libcamera-vid, from PATH.</summary>
    public string? CameraApp { get; set; }

    public IEnumerable<string> Validate()
    {
        if (CameraWidth < 2 || CameraWidth % 2 != 0 || CameraHeight < 2 || CameraHeight % 2 != 0)
        {
            yield return $"Source:CameraWidth/CameraHeight are {CameraWidth}x{CameraHeight}; both must be even and at least 2.";
        }

        if (CameraStride != 0 && (CameraStride < CameraWidth || CameraStride % 2 != 0))
        {
            yield return $"Source:CameraStride is {CameraStride}; it must be 0 (automatic) or an even number at least Source:CameraWidth.";
        }

        if (CameraDevice < -1)
        {
            yield return $"Source:CameraDevice is {CameraDevice}; it must be -1 (the first USB camera) or N of /dev/videoN.";
        }
    }
}
