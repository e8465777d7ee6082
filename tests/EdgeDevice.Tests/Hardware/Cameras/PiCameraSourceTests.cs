using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Tests.Hardware.Cameras;

public sealed class PiCameraSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheArgumentsAskForRawI420OnStdoutForever()
    {
        var options = new PiCameraOptions { Width = 320, Height = 240, FrameRate = 30 };
        Assert.Equal(
            ["--codec", "yuv420", "--width", "320", "--height", "240", "--framerate", "30", "--timeout", "0", "--nopreview", "--flush", "--output", "-"],
            options.Arguments());
    }

    [Fact]
    public async Task FramesAreSplitBySizeAndTheRowPaddingIsDropped()
    {
        // 6x4 frames with rows padded to 8 bytes: 8 * 4 * 3 / 2 = 48 bytes per frame.
        string app = FakeCameraApp.Create(_folder, "cam.py", stride: 8, """
            for i in range(1, 4):
                frame(i * 10)
            forever()
            """);
        using var source = Open(app, 6, 4, stride: 8);
        Assert.Equal(48, source.Layout.FrameBytes);

        int last = await ReadUntil(source, id => id == 30);

        Assert.Equal(30, last);
        Assert.Equal(1, FakeCameraApp.Runs(app));
        Assert.Equal(0, source.PartialFramesDropped);
    }

    [Fact]
    public async Task TheDefaultStrideIsTheWidthRoundedUpToSixtyFour()
    {
        string app = FakeCameraApp.Create(_folder, "cam64.py", stride: 64, """
            frame(7)
            forever()
            """);
        using var source = Open(app, 10, 2, stride: 0);
        Assert.Equal(64, source.Layout.Stride);
        Assert.Equal(7, await ReadUntil(source, id => id == 7));
    }

    [Fact]
    public async Task AChildThatDiesMidStreamIsRestartedAndItsLastWordsAreKept()
    {
        string app = FakeCameraApp.Create(_folder, "dies.py", stride: 8, """
            if run == 1:
                frame(1); frame(2)
                sys.stderr.write("ERROR: *** camera vanished ***\n"); sys.stderr.flush()
                sys.exit(1)
            frame(100)
            forever()
            """);
        var log = new ListLogger();
        using var source = Open(app, 8, 4, stride: 8, log);

        await ReadUntil(source, id => id == 100);

        Assert.Equal(2, FakeCameraApp.Runs(app));
        Assert.Equal(2, source.Starts);
        Assert.Contains("exit code 1", source.LastExit);
        Assert.Contains("camera vanished", source.LastExit);
        Assert.Contains(log.Snapshot(), l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("restarting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShortLastFrameIsDroppedNotDeliveredHalf()
    {
        string app = FakeCameraApp.Create(_folder, "short.py", stride: 8, """
            if run == 1:
                frame(1)
                out.write(frame_bytes(0x77)[:20]); out.flush()
                sys.exit(0)
            frame(2)
            forever()
            """);
        using var source = Open(app, 8, 4, stride: 8);
        var seen = new List<int>();

        await ReadUntil(source, id => id == 2, seen);

        Assert.DoesNotContain(0x77, seen);
        Assert.DoesNotContain(-1, seen);
        Assert.Equal(1, source.PartialFramesDropped);
    }

    [Fact]
    public async Task AChildFloodingStderrNeverBlocksTheFrames()
    {
        // 4 MB of stderr, far beyond a 64 KB pipe buffer: an undrained pipe would stall the child.
        string app = FakeCameraApp.Create(_folder, "chatty.py", stride: 8, """
            line = ("x" * 199 + "\n").encode()
            for i in range(1, 21):
                sys.stderr.buffer.write(line * 1000); sys.stderr.flush()
                frame(i)
            forever()
            """);
        using var source = Open(app, 8, 4, stride: 8);
        Assert.Equal(20, await ReadUntil(source, id => id == 20));
    }

    [Fact]
    public async Task DisposeStopsAChildThatIgnoresSigterm()
    {
        string app = FakeCameraApp.Create(_folder, "stubborn.py", stride: 8, """
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            frame(5)
            forever()
            """);
        var source = Open(app, 8, 4, stride: 8);
        await ReadUntil(source, id => id == 5);
        int pid = FakeCameraApp.Pid(app, 1);
        Assert.True(Directory.Exists($"/proc/{pid}"));

        source.Dispose();

        Assert.False(Directory.Exists($"/proc/{pid}"), $"the stand-in camera app (pid {pid}) is still running");
        Assert.Null(await source.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ASilentChildIsTakenAsHungAndRestarted()
    {
        string app = FakeCameraApp.Create(_folder, "silent.py", stride: 8, """
            if run == 1:
                forever()
            frame(9)
            forever()
            """);
        using var source = Open(app, 8, 4, stride: 8, stall: TimeSpan.FromMilliseconds(300));
        Assert.Equal(9, await ReadUntil(source, id => id == 9));
        Assert.Contains("no data", source.LastExit);
    }

    [Fact]
    public void AMissingAppIsHardwareUnavailableWithTheInstallCommand()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new PiCameraSource(new PiCameraOptions { Executable = _folder.File("no-such-rpicam-vid") }));
        Assert.Contains("apt install rpicam-apps", ex.Message);
    }

    [Fact]
    public void TheAppIsLookedUpOnPathRpicamFirst()
    {
        string bin = _folder.File("bin");
        Directory.CreateDirectory(bin);
        foreach (string name in new[] { "libcamera-vid", "rpicam-vid" })
        {
            string p = _folder.Write($"bin/{name}", "#!/bin/sh\n");
            FakeCameraApp.MakeExecutable(p);
        }

        Assert.Equal(Path.Combine(bin, "rpicam-vid"), ExecutableSearch.FindPiCameraApp(bin));
        File.Delete(Path.Combine(bin, "rpicam-vid"));
        Assert.Equal(Path.Combine(bin, "libcamera-vid"), ExecutableSearch.FindPiCameraApp(bin));
        Assert.Null(ExecutableSearch.FindPiCameraApp(_folder.File("empty")));
    }

    [Fact]
    public void I420LayoutCopiesOnlyTheVisiblePartOfEachRow()
    {
        var layout = new I420Layout(4, 2, 6);
        Assert.Equal(18, layout.FrameBytes);
        byte[] frame = [1, 2, 3, 4, 0xEE, 0xEE, 5, 6, 7, 8, 0xEE, 0xEE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80];
        var luma = new byte[8];
        layout.CopyLuma(frame, luma);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, luma);
        Assert.Throws<ArgumentOutOfRangeException>(() => new I420Layout(5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new I420Layout(8, 2, 6));
    }

    private static PiCameraSource Open(string app, int width, int height, int stride, ILogger? log = null, TimeSpan? stall = null) => new(
        new PiCameraOptions
        {
            Executable = app,
            Width = width,
            Height = height,
            Stride = stride,
            FirstRestartDelay = TimeSpan.FromMilliseconds(50),
            MaxRestartDelay = TimeSpan.FromMilliseconds(200),
            StopTimeout = TimeSpan.FromMilliseconds(300),
            StallTimeout = stall ?? TimeSpan.FromSeconds(10),
        },
        log);

    /// <summary>Reads frames until one matches (20 s at most), checking every frame is whole and of one id.</summary>
    private static async Task<int> ReadUntil(PiCameraSource source, Func<int, bool> done, List<int>? seen = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        long lastSequence = -1;
        while (true)
        {
            LumaFrame? frame = await source.ReadAsync(timeout.Token);
            Assert.NotNull(frame);
            Assert.Equal(frame.Width * frame.Height, frame.Pixels.Length);
            Assert.True(frame.Sequence > lastSequence);
            lastSequence = frame.Sequence;
            int id = FakeCameraApp.IdOf(frame.Pixels, frame.Width, frame.Height);
            seen?.Add(id);
            Assert.NotEqual(-1, id);
            if (done(id))
            {
                return id;
            }
        }
    }
}
