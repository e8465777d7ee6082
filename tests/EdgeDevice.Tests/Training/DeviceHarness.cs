using ConvCore.Fixed.Kernels;
using EdgeDevice.Actions;
using EdgeDevice.Display;
using EdgeDevice.Hosting;
using EdgeDevice.Pipeline;
using EdgeDevice.Settings;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Imaging.Support;
using EdgeDevice.Training;
using Microsoft.Extensions.Time.Testing;

namespace EdgeDevice.Tests.Training;

/// <summary>
/// A device loop as `run` builds it, on a source of the test's choosing, with a recording
/// display and a training mode whose state folder is the test's: post actions, run N frames,
/// look at what was shown and saved.
/// </summary>
internal sealed class DeviceHarness : IDisposable
{
    public DeviceHarness(IFrameSource source, string kernel, TrainingOptions training, string stateDirectory, int workWidth = 64, int workHeight = 48)
    {
        Source = source;
        Filter filter = KernelCatalogue.Get(kernel);
        Display = new RecordingDisplay(new DisplayCapabilities(8, 8, ColorDepth.Rgb24, 0, 1.0));
        Pipeline = new FramePipeline(new PipelineOptions { WorkWidth = workWidth, WorkHeight = workHeight }, Display.Capabilities, filter);
        Kernels = new KernelCycle(filter);
        Training = new DeviceTrainingMode(training, stateDirectory, Log, Time);
    }

    public IFrameSource Source { get; }

    public RecordingDisplay Display { get; }

    public FramePipeline Pipeline { get; }

    public KernelCycle Kernels { get; }

    public ActionQueue Actions { get; } = new();

    public ListLogger Log { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public DeviceTrainingMode Training { get; }

    /// <summary>Called after each frame with the number shown so far (post actions, advance time, cancel).</summary>
    public Action<long>? AfterFrame { get; set; }

    public static ImageFileSource Photo(string name) =>
        ImageFileSource.Open(SampleImages.Files.Single(f => f.EndsWith(name, StringComparison.Ordinal)), new ImageSourceOptions { Loop = true, FramesPerSecond = 0 });

    /// <summary>Runs up to <paramref name="frames"/> frames; with <paramref name="untilSaved"/>, stops once a session has saved.</summary>
    public async Task<FrameLoop> RunAsync(long frames, bool untilSaved = false, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = new FrameLoop(Source, Pipeline, Display, Actions, Kernels, new FrameLoopOptions { MaxFrames = frames, LogStatus = false },
            new NullServiceNotifier(), null, Log, Time, Training);
        loop.FrameShown += (_, _) =>
        {
            AfterFrame?.Invoke(loop.FramesShown);
            if (untilSaved && Training.LastSavedPath is not null)
            {
                stop.Cancel();
            }
        };
        await loop.RunAsync(stop.Token);
        return loop;
    }

    public void Dispose() => Source.Dispose();
}

/// <summary>Keeps a copy of the bottom row of every frame shown, and counts frames.</summary>
internal sealed class RecordingDisplay(DisplayCapabilities capabilities) : IDisplay
{
    public string Name => "recording";

    public DisplayCapabilities Capabilities { get; } = capabilities;

    public List<Rgb[]> BottomRows { get; } = [];

    public int Blanked { get; private set; }

    public void Show(LedFrame frame)
    {
        var row = new Rgb[frame.Width];
        for (int x = 0; x < frame.Width; x++)
        {
            row[x] = frame[x, frame.Height - 1];
        }

        BottomRows.Add(row);
    }

    public void Blank() => Blanked++;

    public void Dispose()
    {
    }
}
