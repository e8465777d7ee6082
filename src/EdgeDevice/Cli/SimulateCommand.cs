using System.CommandLine;
using EdgeDevice.Actions;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Hosting;
using EdgeDevice.Npy;
using EdgeDevice.Pipeline;
using EdgeDevice.Rendering;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Cli;

/// <summary>
/// `simulate`: files or the synthetic pattern through the same pipeline the device runs, for
/// N frames, into pictures: the LED view and the side-by-side (input | feature map | LEDs) of
/// the last frame, an animated GIF when there is more than one frame, and optionally the exact
/// luma plane and feature map as .npy files.
/// </summary>
public static class SimulateCommand
{
    public const int SyntheticDefaultFrames = 60;

    public static Command Create(CliEnvironment env)
    {
        var common = new CommonOptions();
        var display = new Option<string?>("--display") { Description = "terminal or none (default: terminal when stdout is a terminal)." };
        var outDir = new Option<string>("--out") { Description = "Folder for the pictures.", DefaultValueFactory = _ => "out" };
        var saveFeature = new Option<string?>("--save-feature-map") { Description = "Write the last frame's correlation output (int16 .npy)." };
        var saveLuma = new Option<string?>("--save-luma") { Description = "Write the exact uint8 plane handed to the core (.npy)." };
        var command = new Command("simulate", "Run image files or the synthetic pattern through the pipeline and draw the LED frames the device would show.");
        common.AddTo(command);
        command.Options.Add(display);
        command.Options.Add(outDir);
        command.Options.Add(saveFeature);
        command.Options.Add(saveLuma);
        command.SetAction((parse, ct) =>
        {
            var request = new SimulateRequest(
                parse.GetValue(common.Input) ?? "synthetic",
                parse.GetValue(common.Frames),
                parse.GetValue(display),
                parse.GetValue(outDir)!,
                parse.GetValue(saveFeature),
                parse.GetValue(saveLuma));
            var overrides = common.ToSettings(parse);
            return RunAsync(env, request, overrides, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, SimulateRequest request, List<KeyValuePair<string, string?>> overrides, CancellationToken ct)
    {
        bool synthetic = string.Equals(request.Input, "synthetic", StringComparison.OrdinalIgnoreCase);
        bool singleFile = !synthetic && File.Exists(request.Input);
        if (!synthetic && !overrides.Any(o => o.Key == "Source:Kind"))
        {
            overrides.Add(new("Source:Kind", "files"));
            overrides.Add(new("Source:Path", request.Input));
        }
        else if (synthetic && !overrides.Any(o => o.Key == "Source:Kind"))
        {
            overrides.Add(new("Source:Kind", "synthetic"));
        }

        // A folder plays once by default; asking for more frames than files loops it.
        overrides.Add(new("Source:Loop", (singleFile || request.Frames is not null).ToString()));
        if (!overrides.Any(o => o.Key == "Source:FrameRate"))
        {
            overrides.Add(new("Source:FrameRate", "0"));
        }
        long frames = request.Frames ?? (synthetic ? SyntheticDefaultFrames : singleFile ? 1 : 0);

        string displayKind = request.Display ?? (env.OutputIsTerminal ? "terminal" : "none");
        if (displayKind is not ("terminal" or "none"))
        {
            throw new UserInputException($"--display '{displayKind}' is not one of terminal, none.");
        }

        string outDir = OutputFolderCheck.EnsureWritable(request.OutputDirectory, "--out");
        CheckParentWritable(request.SaveFeatureMap, "--save-feature-map");
        CheckParentWritable(request.SaveLuma, "--save-luma");

        DeviceSettings settings = DeviceSettings.Load(env, overrides);
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new TextWriterLoggerProvider(env.Error, LogLevel.Warning)));
        ILogger logger = loggers.CreateLogger("EdgeDevice.Simulate");
        using DeviceComposition parts = DeviceComposition.Create(settings, env, logger, displayKind);

        var gif = new GifRecorder(framesPerSecond: 10);
        LedFrame? last = null;
        LumaFrame? lastInput = null;
        var loop = new FrameLoop(parts.Source, parts.Pipeline, new KeepLastFrame(parts.Display), new ActionQueue(), parts.Kernels,
            new FrameLoopOptions { MaxFrames = frames, LogStatus = false }, new NullServiceNotifier(), null, logger, env.Time);
        loop.FrameShown += (input, leds) =>
        {
            last = leds;
            lastInput = input;
            if (frames != 1)
            {
                gif.Add(leds);
            }
        };

        try
        {
            await loop.RunAsync(ct);
        }
        catch (FrameTooSmallException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }

        if (last is null || lastInput is null)
        {
            throw new UserInputException($"--input {request.Input} gave no frame to simulate.");
        }

        string stem = synthetic ? "synthetic" : singleFile ? Path.GetFileNameWithoutExtension(request.Input) : "run";
        FramePipeline p = parts.Pipeline;
        var written = new List<string>();
        var ledRenderer = new LedPictureRenderer();
        string ledPath = Path.Combine(outDir, $"{stem}.led.png");
        ledRenderer.SavePng(last, ledPath);

        written.Add(ledPath);
        string sideBySide = Path.Combine(outDir, $"{stem}.side-by-side.png");
        new SideBySideRenderer(ledRenderer).SavePng(p.WorkingLuma, p.FeatureMap, p.EffectiveMap, last, sideBySide);
        written.Add(sideBySide);
        if (gif.FrameCount > 1)
        {
            string gifPath = Path.Combine(outDir, $"{stem}.gif");
            gif.Save(gifPath);
            written.Add(gifPath);
        }

        if (request.SaveLuma is string lumaPath)
        {
            NpyWriter.Write(lumaPath, p.WorkingLuma);
            written.Add(lumaPath);
        }

        if (request.SaveFeatureMap is string featurePath)
        {
            NpyWriter.Write(featurePath, p.FeatureMap);
            written.Add(featurePath);
        }

        env.Out.WriteLine($"{loop.FramesShown} frame(s), kernel {p.Filter.Name}, feature map {p.FeatureMap.Width}x{p.FeatureMap.Height}, path {p.LastPath}");
        foreach (string w in written)
        {
            env.Out.WriteLine($"wrote {w}");
        }

        return ExitCodes.Success;
    }

    private static void CheckParentWritable(string? file, string option)
    {
        if (file is null)
        {
            return;
        }

        string dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        OutputFolderCheck.EnsureWritable(dir, option);
    }

    private sealed record SimulateRequest(string Input, long? Frames, string? Display, string OutputDirectory, string? SaveFeatureMap, string? SaveLuma);

    /// <summary>Passes frames through to the real display; simulate keeps the last one itself.</summary>
    private sealed class KeepLastFrame(IDisplay inner) : IDisplay
    {
        public string Name => inner.Name;

        public DisplayCapabilities Capabilities => inner.Capabilities;

        public void Show(LedFrame frame) => inner.Show(frame);

        // The pictures are written after the loop; the simulated display keeps its last picture.
        public void Blank()
        {
        }

        public void Dispose() => inner.Dispose();
    }
}
