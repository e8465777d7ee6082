using EdgeDevice.Cli;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Settings;
using EdgeDevice.Sources;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// Creates the camera sources from the settings ("camera" = USB/V4L2, "picamera" = rpicam-vid),
/// checking at start-up that the camera is there (exit 4 with the fix when not), and says which
/// camera `auto` should use.
/// </summary>
public static class HardwareSources
{
    public static IFrameSource Create(SourceOptions source, HardwareCameraOptions camera, HardwareEnvironment env, ILogger? logger = null, CameraDetection.Runner? run = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(env);
        string? problem = camera.Validate().FirstOrDefault();
        if (problem is not null)
        {
            throw new UserInputException(problem);
        }

        double rate = source.FrameRate > 0 ? source.FrameRate : 30;
        switch (source.Kind.ToLowerInvariant())
        {
            case CameraDetection.PiCameraKind:
                var options = new PiCameraOptions
                {
                    Executable = string.IsNullOrWhiteSpace(camera.CameraApp) ? null : camera.CameraApp,
                    Width = camera.CameraWidth,
                    Height = camera.CameraHeight,
                    Stride = camera.CameraStride,
                    FrameRate = rate,
                };
                string? app = options.Executable ?? ExecutableSearch.FindPiCameraApp(env.SearchPath);
                if (app is null)
                {
                    throw new HardwareUnavailableException($"Source:Kind is picamera but neither rpicam-vid nor libcamera-vid is on PATH: {PiCameraSource.InstallHint}.");
                }

                if (CameraDetection.ListPiCameras(app, run).Count == 0)
                {
                    throw new HardwareUnavailableException(
                        "Source:Kind is picamera but no camera is detected: check the ribbon cable and `camera_auto_detect=1` in /boot/firmware/config.txt, then run `rpicam-hello --list-cameras`.");
                }

                options.Executable = app;
                return new PiCameraSource(options, logger, env.Time);

            case CameraDetection.UsbCameraKind:
                int device = camera.CameraDevice >= 0
                    ? camera.CameraDevice
                    : CameraDetection.FindUsbCameras(env).FirstOrDefault()?.Device
                      ?? throw new HardwareUnavailableException("Source:Kind is camera but no USB camera is connected: plug in a UVC webcam (`v4l2-ctl --list-devices` lists cameras) or set Source:CameraDevice.");
                return UsbCameraSource.Open(new UsbCameraOptions { Device = device, Width = camera.CameraWidth, Height = camera.CameraHeight }, logger);

            default:
                throw new ArgumentException($"Source:Kind '{source.Kind}' is not a camera (picamera or camera).", nameof(source));
        }
    }

    /// <summary>The camera `auto` should use here (its Source:Kind and device), or null for the synthetic pattern.</summary>
    public static DetectedCamera? Detect(HardwareEnvironment env, CameraDetection.Runner? run = null) => CameraDetection.Detect(env, run);
}
