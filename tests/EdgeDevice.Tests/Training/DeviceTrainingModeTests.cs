using ConvCore.Fixed.Kernels;
using EdgeDevice.Actions;
using EdgeDevice.Display;
using EdgeDevice.KernelFiles;
using EdgeDevice.Settings;
using EdgeDevice.Sources;
using EdgeDevice.Training;
using Microsoft.Extensions.Logging;
using TempFolder = EdgeDevice.Tests.Support.TempFolder;

namespace EdgeDevice.Tests.Training;

/// <summary>The t key (and the button hold: the same action) driving on-device training through the real frame loop.</summary>
public class DeviceTrainingModeTests
{
    private static readonly FixedKernel SobelX = KernelCatalogue.GetKernel("sobel-x");

    [Fact]
    public async Task OnALoopedPhotoTheStudentConvergesIsSavedAndBecomesTheActiveKernel()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(DeviceHarness.Photo("coffee.png"), "sobel-x", new TrainingOptions { LossTarget = 2e-7 }, t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);

        await h.RunAsync(3000, untilSaved: true);

        Assert.False(h.Training.Active);
        Assert.Equal(Path.Combine(t.Path, "learned-sobel-x.json"), h.Training.LastSavedPath);
        FixedKernel learned = KernelFile.Load(h.Training.LastSavedPath!);
        double error = StudentFormat.MaxWeightError(learned, SobelX);
        Assert.True(error <= 0.02, $"max weight error {error} after {h.Training.Iterations} frames");
        Assert.True(h.Training.Iterations < 3000, "it should have stopped on convergence, not on the frame limit");
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("converged", StringComparison.Ordinal));
        Assert.Equal("learned-sobel-x", h.Pipeline.Filter.Name);
        Assert.Equal("learned-sobel-x", h.Kernels.Current.Name);
        Assert.Equal(learned.Weights.ToArray(), ((KernelFilter)h.Pipeline.Filter).Kernel.Weights.ToArray());
    }

    [Fact]
    public async Task TheSavedFileRecordsTheTeacherTheFramesAndWhen()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(DeviceHarness.Photo("coffee.png"), "sobel-y", new TrainingOptions(), t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);
        h.AfterFrame = n =>
        {
            if (n == 40)
            {
                h.Actions.Post(DeviceAction.ToggleTraining);
            }
        };

        await h.RunAsync(60);

        string json = File.ReadAllText(Path.Combine(t.Path, "learned-sobel-y.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var provenance = doc.RootElement.GetProperty("provenance");
        Assert.Equal("sobel-y", provenance.GetProperty("teacher").GetString());
        Assert.Equal(40, provenance.GetProperty("iterations").GetInt32());
        Assert.Equal("2026-11-27T10:00:00Z", provenance.GetProperty("created").GetString());
        Assert.True(provenance.GetProperty("loss").GetDouble() > 0);
    }

    [Fact]
    public async Task PressingTAgainStopsSavesTheStudentAsItStandsAndTheLoopGoesOnWithIt()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "sobel-x", new TrainingOptions(), t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);
        FixedKernelSnapshot? atStop = null;
        h.AfterFrame = n =>
        {
            if (n == 30)
            {
                atStop = new FixedKernelSnapshot(h.Training.Trainer!.ForwardWeights.ToArray(), h.Training.Trainer.ForwardBias);
                h.Actions.Post(DeviceAction.ToggleTraining);
            }
        };

        await h.RunAsync(50);

        Assert.False(h.Training.Active);
        Assert.Equal(30, h.Training.Iterations);
        FixedKernel saved = KernelFile.Load(Path.Combine(t.Path, "learned-sobel-x.json"));
        Assert.Equal(atStop!.Weights, saved.Weights.ToArray());
        Assert.Equal("learned-sobel-x", h.Pipeline.Filter.Name);
        Assert.Equal(50, h.Display.BottomRows.Count);
    }

    [Fact]
    public async Task StoppingTheDeviceDuringTrainingSavesTheStudent()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "laplacian4", new TrainingOptions(), t.Path);
        using var sigterm = new CancellationTokenSource();
        h.Actions.Post(DeviceAction.ToggleTraining);
        h.AfterFrame = n =>
        {
            if (n == 25)
            {
                sigterm.Cancel();
            }
        };

        await h.RunAsync(0, cancellationToken: sigterm.Token);

        Assert.False(h.Training.Active);
        FixedKernel saved = KernelFile.Load(Path.Combine(t.Path, "learned-laplacian4.json"));
        Assert.Equal((3, 3), (saved.Rows, saved.Cols));
        Assert.Equal(25, h.Training.Iterations);
        Assert.Contains(saved.Weights.ToArray(), w => w != 0);
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("the device is stopping", StringComparison.Ordinal));
        Assert.Equal(1, h.Display.Blanked);
    }

    [Fact]
    public async Task TheBottomRowIsALossBarThatFillsAsTheLossFalls()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(DeviceHarness.Photo("coffee.png"), "sobel-x", new TrainingOptions { LossTarget = 2e-7 }, t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);

        await h.RunAsync(150);

        Assert.All(h.Display.BottomRows, row => Assert.All(row, c => Assert.True(c == LossBar.Done || c == LossBar.Remaining, $"LED {c}")));
        int first = h.Display.BottomRows[0].Count(c => c == LossBar.Done);
        int last = h.Display.BottomRows[^1].Count(c => c == LossBar.Done);
        Assert.Equal(0, first);
        Assert.True(last >= 4, $"after 150 frames only {last} of 8 LEDs are green");
    }

    [Fact]
    public async Task MaxSecondsStopsTheSessionAndSavesIt()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "sobel-x", new TrainingOptions { MaxSeconds = 2 }, t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);
        h.AfterFrame = _ => h.Time.Advance(TimeSpan.FromMilliseconds(100));

        await h.RunAsync(40);

        Assert.False(h.Training.Active);
        Assert.InRange(h.Training.Iterations, 19, 21);
        Assert.True(File.Exists(Path.Combine(t.Path, "learned-sobel-x.json")));
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("MaxSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADivergingSessionSavesNothingAndGoesBackToTheTeacher()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(DeviceHarness.Photo("coffee.png"), "sobel-x", new TrainingOptions { LearningRate = 60 }, t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);

        await h.RunAsync(60);

        Assert.False(h.Training.Active);
        Assert.Empty(Directory.GetFiles(t.Path));
        Assert.Equal("sobel-x", h.Pipeline.Filter.Name);
        Assert.Contains(h.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("diverged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTheSobelMagnitudeActiveTheStudentLearnsItsXKernel()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "sobel", new TrainingOptions(), t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);

        await h.RunAsync(5);

        Assert.True(File.Exists(Path.Combine(t.Path, "learned-sobel-x.json")));
    }

    [Fact]
    public async Task TrainingTeacherOverridesTheActiveKernelAndKIsIgnoredWhileTraining()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "sobel-x", new TrainingOptions { Teacher = "edge-y" }, t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);
        h.AfterFrame = n =>
        {
            if (n == 3)
            {
                h.Actions.Post(DeviceAction.NextKernel);
            }
        };

        await h.RunAsync(6);

        FixedKernel saved = KernelFile.Load(Path.Combine(t.Path, "learned-edge-y.json"));
        Assert.Equal((2, 1), (saved.Rows, saved.Cols));
        Assert.Equal(6, h.Training.Iterations);
        Assert.Contains(h.Log.Entries, e => e.Message.Contains("press t to stop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToggledOffBeforeAnyFrameItSavesNothingAndRestoresTheKernel()
    {
        using var t = new TempFolder();
        using var h = new DeviceHarness(new SyntheticSource(160, 120), "laplacian4", new TrainingOptions(), t.Path);
        h.Actions.Post(DeviceAction.ToggleTraining);
        h.Actions.Post(DeviceAction.ToggleTraining);

        await h.RunAsync(3);

        Assert.Empty(Directory.GetFiles(t.Path));
        Assert.Equal("laplacian4", h.Pipeline.Filter.Name);
    }

    private sealed record FixedKernelSnapshot(short[] Weights, int Bias);
}
