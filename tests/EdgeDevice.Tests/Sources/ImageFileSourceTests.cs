using EdgeDevice.Tests.Support;
using EdgeDevice.Frames;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Imaging.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdgeDevice.Tests.Sources;

public sealed class ImageFileSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<List<(string Origin, byte Value, long Sequence)>> ReadAll(IFrameSource source, int max = 100)
    {
        var frames = new List<(string, byte, long)>();
        for (int i = 0; i < max; i++)
        {
            LumaFrame? frame = await source.ReadAsync(CancellationToken.None);
            if (frame is null)
            {
                break;
            }

            frames.Add((frame.Origin, frame.Pixels[0], frame.Sequence));
        }

        return frames;
    }

    [Fact]
    public async Task Single_file_played_once_gives_one_frame_then_ends()
    {
        string path = TestImages.FlatGreyPng(_folder.File("one.png"), 6, 4, 77);
        using var source = ImageFileSource.Open(path);

        var frames = await ReadAll(source);

        Assert.Equal([("one.png", (byte)77, 0L)], frames);
        Assert.Null(await source.ReadAsync(CancellationToken.None));
        Assert.Contains("one.png", source.Description, StringComparison.Ordinal);
        Assert.Contains("6x4", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_file_looped_returns_the_same_frame_without_decoding_again()
    {
        string path = TestImages.FlatGreyPng(_folder.File("one.png"), 5, 5, 33);
        using var source = ImageFileSource.Open(path, new ImageSourceOptions { Loop = true });

        LumaFrame? first = await source.ReadAsync(CancellationToken.None);

        // Decoded once at open: the file can go away and the frames keep coming.
        File.Delete(path);
        for (int i = 1; i <= 5; i++)
        {
            LumaFrame? again = await source.ReadAsync(CancellationToken.None);
            Assert.Same(first, again);
            Assert.Equal(i, again!.Sequence);
            Assert.All(again.Pixels.ToArray(), p => Assert.Equal(33, p));
        }
    }

    [Fact]
    public async Task Single_file_looped_and_unpaced_reads_allocate_nothing()
    {
        using var source = ImageFileSource.Open(TestImages.FlatGreyPng(_folder.File("one.png"), 5, 5, 33), new ImageSourceOptions { Loop = true });
        for (int i = 0; i < 10; i++)
        {
            await source.ReadAsync(CancellationToken.None);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            ValueTask<LumaFrame?> read = source.ReadAsync(CancellationToken.None);
            Assert.True(read.IsCompletedSuccessfully);
            _ = await read;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Folder_plays_accepted_images_by_name_and_ignores_other_files()
    {
        TestImages.FlatGreyPng(_folder.File("b.png"), 2, 2, 20);
        TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 10);
        TestImages.FlatGreyPng(_folder.File("C.png"), 2, 2, 30);
        TestImages.FlatGreyPng(_folder.File(".hidden.png"), 2, 2, 99);
        _folder.WriteText("notes.txt", "not an image");

        using var source = ImageFileSource.Open(_folder.Path);

        // Ordinal order: upper case sorts before lower case, the same on every machine.
        Assert.Equal([("C.png", (byte)30, 0L), ("a.png", (byte)10, 1L), ("b.png", (byte)20, 2L)], await ReadAll(source));
        Assert.Equal(3, source.Files.Count);
    }

    [Fact]
    public async Task Folder_takes_every_accepted_extension_in_any_case()
    {
        string[] names = ["a.PNG", "b.jpeg", "c.JPG", "d.bmp", "e.gif"];
        foreach (string name in names)
        {
            TestImages.Noisy(_folder.File(name), 2, 2, TestImages.EncoderFor(name));
        }

        using var source = ImageFileSource.Open(_folder.Path);

        Assert.Equal(names, (await ReadAll(source)).Select(f => f.Origin));
        Assert.Contains("5 files", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_looped_starts_again_after_the_last_file()
    {
        TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 10);
        TestImages.FlatGreyPng(_folder.File("b.png"), 2, 2, 20);

        using var source = ImageFileSource.Open(_folder.Path, new ImageSourceOptions { Loop = true });

        var frames = await ReadAll(source, max: 5);
        Assert.Equal(["a.png", "b.png", "a.png", "b.png", "a.png"], frames.Select(f => f.Origin));
        Assert.Equal([0L, 1, 2, 3, 4], frames.Select(f => f.Sequence));
    }

    [Fact]
    public async Task Folder_skips_a_bad_file_with_one_warning_and_goes_on()
    {
        TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 10);
        _folder.WriteText("b.png", "a text file pretending to be a picture");
        TestImages.FlatGreyPng(_folder.File("c.png"), 2, 2, 30);
        var logger = new ListLogger();

        using var source = ImageFileSource.Open(_folder.Path, new ImageSourceOptions { Loop = true }, logger);

        var frames = await ReadAll(source, max: 6);
        Assert.Equal(["a.png", "c.png", "a.png", "c.png", "a.png", "c.png"], frames.Select(f => f.Origin));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("b.png", warning.Message, StringComparison.Ordinal);
        Assert.Contains("not a recognised image", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_with_no_usable_image_is_an_error_naming_it()
    {
        _folder.WriteText("a.png", "text");
        _folder.Write("b.jpg", []);

        using var source = ImageFileSource.Open(_folder.Path, logger: new ListLogger());

        var e = await Assert.ThrowsAsync<FrameSourceException>(() => source.ReadAsync(CancellationToken.None).AsTask());
        Assert.Contains(_folder.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("no usable image", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 files", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_image_files_is_an_error_at_open()
    {
        _folder.WriteText("readme.txt", "nothing to see");

        var e = Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(_folder.Path));
        Assert.Contains(_folder.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("no image files", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pattern_picks_matching_image_files_only()
    {
        TestImages.FlatGreyPng(_folder.File("cat1.png"), 2, 2, 1);
        TestImages.FlatGreyPng(_folder.File("cat2.png"), 2, 2, 2);
        TestImages.FlatGreyPng(_folder.File("cat10.png"), 2, 2, 10);
        TestImages.FlatGreyPng(_folder.File("dog1.png"), 2, 2, 50);
        TestImages.FlatGreyPng(_folder.File("cat3.gif"), 2, 2, 3);

        using var star = ImageFileSource.Open(Path.Combine(_folder.Path, "cat*.png"));
        using var question = ImageFileSource.Open(Path.Combine(_folder.Path, "cat?.png"));

        Assert.Equal(["cat1.png", "cat10.png", "cat2.png"], (await ReadAll(star)).Select(f => f.Origin));
        Assert.Equal(["cat1.png", "cat2.png"], (await ReadAll(question)).Select(f => f.Origin));
    }

    [Fact]
    public void Pattern_errors_name_the_pattern()
    {
        string noMatch = Path.Combine(_folder.Path, "*.png");
        string wildFolder = Path.Combine(_folder.Path, "*", "x.png");
        string missingFolder = Path.Combine(_folder.Path, "nope", "*.png");

        Assert.Contains("matches no image files", Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(noMatch)).Message, StringComparison.Ordinal);
        Assert.Contains("only in the last part", Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(wildFolder)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(missingFolder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_path_is_an_error_at_open()
    {
        string path = _folder.File("gone.png");
        var e = Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(path));
        Assert.Equal($"{path} does not exist.", e.Message);
    }

    [Fact]
    public void Bad_single_file_is_an_error_at_open_with_the_decoder_message()
    {
        string path = _folder.WriteText("fake.jpg", "hello");

        var e = Assert.Throws<FrameSourceException>(() => ImageFileSource.Open(path));

        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.IsType<EdgeDevice.Imaging.ImageDecodeException>(e.InnerException);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(5000)]
    public void Unusable_frame_rate_is_an_argument_error(double fps)
    {
        string path = TestImages.FlatGreyPng(_folder.File("one.png"), 2, 2, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageFileSource.Open(path, new ImageSourceOptions { FramesPerSecond = fps }));
        Assert.Equal("FramesPerSecond", e.ParamName);
    }

    [Fact]
    public async Task Frame_rate_holds_each_frame_until_it_is_due()
    {
        TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 10);
        TestImages.FlatGreyPng(_folder.File("b.png"), 2, 2, 20);
        var time = new FakeTimeProvider();
        using var source = ImageFileSource.Open(_folder.Path, new ImageSourceOptions { Loop = true, FramesPerSecond = 10, TimeProvider = time });

        // The first frame is due at once.
        Assert.True(source.ReadAsync(CancellationToken.None).IsCompletedSuccessfully);

        // The second is due 100 ms later.
        Task<LumaFrame?> second = source.ReadAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("b.png", (await second)!.Origin);

        // A consumer that is late gets the next frame at once, with no burst afterwards.
        time.Advance(TimeSpan.FromMilliseconds(350));
        Assert.True(source.ReadAsync(CancellationToken.None).IsCompletedSuccessfully);
        Task<LumaFrame?> afterLate = source.ReadAsync(CancellationToken.None).AsTask();
        Assert.False(afterLate.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await afterLate;
    }

    [Fact]
    public async Task Waiting_for_a_frame_can_be_cancelled()
    {
        var time = new FakeTimeProvider();
        using var source = ImageFileSource.Open(TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 1), new ImageSourceOptions { Loop = true, FramesPerSecond = 1, TimeProvider = time });
        await source.ReadAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        Task<LumaFrame?> waiting = source.ReadAsync(cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Reading_after_dispose_is_refused()
    {
        var source = ImageFileSource.Open(TestImages.FlatGreyPng(_folder.File("a.png"), 2, 2, 1));
        source.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.ReadAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Bundled_samples_play_as_a_folder()
    {
        using var source = ImageFileSource.Open(SampleImages.Folder);

        var frames = await ReadAll(source);

        Assert.Equal(["astronaut.png", "camera.png", "chelsea.png", "coffee.png"], frames.Select(f => f.Origin));
    }
}
