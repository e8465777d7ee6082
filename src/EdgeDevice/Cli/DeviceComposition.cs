using ConvCore.Fixed.Kernels;
using EdgeDevice.Actions;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Imaging;
using EdgeDevice.Pipeline;
using EdgeDevice.Rendering;
using EdgeDevice.Settings;
using EdgeDevice.Sources;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Cli;

/// <summary>
/// The source, pipeline and display for a run, chosen from the settings. `auto` picks real
/// hardware when it is present and otherwise falls back to the synthetic pattern and the
/// terminal, saying so in one line each. Errors in what the user chose surface here, before
/// anything starts: bad input exits 2, missing hardware 4.
/// </summary>
public sealed class DeviceComposition : IDisposable
{
    private DeviceComposition(IFrameSource source, IDisplay display, FramePipeline pipeline, KernelCycle kernels)
    {
        Source = source;
        Display = display;
        Pipeline = pipeline;
        Kernels = kernels;
    }

    public IFrameSource Source { get; }

    public IDisplay Display { get; }

    public FramePipeline Pipeline { get; }

    public KernelCycle Kernels { get; }

    public static DeviceComposition Create(DeviceSettings settings, CliEnvironment env, ILogger logger, string? displayKind = null)
    {
        Filter filter = KernelResolver.Resolve(settings.Pipeline.Kernel);
        IFrameSource source = CreateSource(settings, env, logger);
        try
        {
            IDisplay display = CreateDisplay(settings, env, logger, displayKind ?? settings.Display.Kind);
            var pipeline = new FramePipeline(settings.Pipeline, display.Capabilities, filter);
            return new DeviceComposition(source, display, pipeline, new KernelCycle(filter));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Display.Dispose();
        Source.Dispose();
    }

    private static IFrameSource CreateSource(DeviceSettings settings, CliEnvironment env, ILogger logger)
    {
        var s = settings.Source;
        switch (s.Kind.ToLowerInvariant())
        {
            case "synthetic":
                return new SyntheticSource(s.SyntheticWidth, s.SyntheticHeight);
            case "files":
                return OpenFiles(s.Path!, settings, logger);
            case "camera":
            case "picamera":
                return HardwareSources.Create(s, settings.Camera, env.Hardware(), logger);
            default:
                return AutoSource(settings, env, logger);
        }
    }

    /// <summary>A camera when one is present and works; otherwise the synthetic pattern, said in one line.</summary>
    private static IFrameSource AutoSource(DeviceSettings settings, CliEnvironment env, ILogger logger)
    {
        var s = settings.Source;
        HardwareEnvironment hardware = env.Hardware();
        if (HardwareSources.Detect(hardware) is DetectedCamera camera)
        {
            var chosen = new SourceOptions { Kind = camera.Kind, FrameRate = s.FrameRate };
            var cameraOptions = settings.Camera;
            if (camera.Kind == CameraDetection.UsbCameraKind && cameraOptions.CameraDevice < 0)
            {
                cameraOptions = new HardwareCameraOptions
                {
                    CameraWidth = cameraOptions.CameraWidth,
                    CameraHeight = cameraOptions.CameraHeight,
                    CameraStride = cameraOptions.CameraStride,
                    CameraApp = cameraOptions.CameraApp,
                    CameraDevice = camera.Device,
                };
            }

            try
            {
                IFrameSource source = HardwareSources.Create(chosen, cameraOptions, hardware, logger);
                logger.LogInformation("Using the camera {Camera} ({Where}).", camera.Name, camera.Where);
                return source;
            }
            catch (HardwareUnavailableException ex)
            {
                logger.LogWarning("Found {Camera} but cannot use it ({Problem}); showing the synthetic pattern instead.", camera.Name, ex.Message);
                return new SyntheticSource(s.SyntheticWidth, s.SyntheticHeight);
            }
        }

        logger.LogInformation("No camera found: showing the synthetic pattern (set Source:Kind or --input to use image files).");
        return new SyntheticSource(s.SyntheticWidth, s.SyntheticHeight);
    }

    private static ImageFileSource OpenFiles(string path, DeviceSettings settings, ILogger logger)
    {
        var options = new ImageSourceOptions
        {
            Loop = settings.Source.Loop,
            FramesPerSecond = 0, // the frame loop paces; the source only decodes
            Limits = new ImageLimits { MaxPixels = settings.Source.MaxPixels },
        };
        try
        {
            return ImageFileSource.Open(path, options, logger);
        }
        catch (Exception ex) when (ex is FrameSourceException or ImageDecodeException or IOException or ArgumentException)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    private static IDisplay CreateDisplay(DeviceSettings settings, CliEnvironment env, ILogger logger, string kind)
    {
        var d = settings.Display;
        var caps = new DisplayCapabilities(d.Width, d.Height, ColorDepth.Rgb24, d.Rotation, d.Brightness);
        switch (kind.ToLowerInvariant())
        {
            case "terminal":
                return Terminal(env, caps);
            case "none":
                return new NullDisplay(caps);
            case "png":
                return new PngSequenceDisplay(d.OutputDirectory, caps);
            case "auto":
                return AutoDisplay(settings, env, logger, caps);
            default:
                return HardwareDisplays.Create(d, settings.HardwareDisplay, env.Hardware(), logger);
        }
    }

    /// <summary>A Sense HAT when one is found and works; otherwise the terminal (or nothing), said in one line.</summary>
    private static IDisplay AutoDisplay(DeviceSettings settings, CliEnvironment env, ILogger logger, DisplayCapabilities caps)
    {
        var d = settings.Display;
        HardwareEnvironment hardware = env.Hardware();
        if (HardwareDisplays.Detect(hardware) is string kind)
        {
            var senseHat = new DisplayOptions { Kind = kind, Width = 8, Height = 8, Rotation = d.Rotation, Brightness = d.Brightness };
            try
            {
                IDisplay display = HardwareDisplays.Create(senseHat, settings.HardwareDisplay, hardware, logger);
                logger.LogInformation("Using the {Display} LED matrix.", display.Name);
                return display;
            }
            catch (HardwareUnavailableException ex)
            {
                logger.LogWarning("Found a Sense HAT but cannot use it ({Problem}); simulating the matrix instead.", ex.Message);
            }
        }

        if (env.OutputIsTerminal)
        {
            logger.LogInformation("No LED matrix found: drawing a simulated {Width}x{Height} matrix in the terminal.", d.Width, d.Height);
            return Terminal(env, caps);
        }

        logger.LogInformation("No LED matrix found and no terminal to draw in: running without a display.");
        return new NullDisplay(caps);
    }

    private static TerminalDisplay Terminal(CliEnvironment env, DisplayCapabilities caps)
    {
        (bool color, bool inPlace) = TerminalDisplay.Detect(env.OutputIsTerminal, env.GetEnvironmentVariable("NO_COLOR"), env.GetEnvironmentVariable("TERM"));
        return new TerminalDisplay(env.Out, caps, color, inPlace);
    }
}
