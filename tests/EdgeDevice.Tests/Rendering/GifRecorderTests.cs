using EdgeDevice.Tests.Support;
using EdgeDevice.Display;
using EdgeDevice.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Rendering;

public class GifRecorderTests
{
    [Fact]
    public void TheGifHasOneFramePerRecordedFrameWithTheDelayOfTheFrameRate()
    {
        using var folder = new TempFolder();
        var recorder = new GifRecorder(framesPerSecond: 10);
        for (int i = 0; i < 5; i++)
        {
            var frame = new LedFrame(4, 4);
            frame[i % 4, 0] = new Rgb(255, 0, 0);
            recorder.Add(frame);
        }

        string path = folder.File("run.gif");
        recorder.Save(path);

        using Image<Rgb24> gif = Image.Load<Rgb24>(path);
        Assert.Equal(5, gif.Frames.Count);
        Assert.Equal((96, 96), (gif.Width, gif.Height));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(10, gif.Frames[i].Metadata.GetGifMetadata().FrameDelay));
    }

    [Fact]
    public void FramesAreCopiedSoTheCallerMayReuseItsBuffer()
    {
        using var folder = new TempFolder();
        var recorder = new GifRecorder(framesPerSecond: 25);
        var reused = new LedFrame(2, 1);
        reused[0, 0] = new Rgb(255, 0, 0);
        recorder.Add(reused);
        reused[0, 0] = new Rgb(0, 0, 255);
        recorder.Add(reused);

        string path = folder.File("copies.gif");
        recorder.Save(path);

        using Image<Rgb24> gif = Image.Load<Rgb24>(path);
        Rgb24 first = gif.Frames[0][12, 12];
        Rgb24 second = gif.Frames[1][12, 12];
        Assert.True(first.R > 200 && first.B < 50, $"first frame LED is {first}");
        Assert.True(second.B > 200 && second.R < 50, $"second frame LED is {second}");
        Assert.Equal(4, recorder.FrameDelayCentiseconds);
    }

    [Fact]
    public void TheFrameCountIsBounded()
    {
        var recorder = new GifRecorder(framesPerSecond: 10, maxFrames: 3);

        for (int i = 0; i < 5; i++)
        {
            recorder.Add(new LedFrame(2, 2));
        }

        Assert.Equal(3, recorder.FrameCount);
        Assert.Equal(2, recorder.DroppedFrames);
    }

    [Fact]
    public void AnEmptyRecordingCannotBeSaved()
    {
        Assert.Throws<InvalidOperationException>(() => new GifRecorder(10).Save(Path.Combine(Path.GetTempPath(), "never.gif")));
    }
}
