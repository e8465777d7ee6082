using ConvCore.Fixed.Planes;
using EdgeDevice.Frames;
using EdgeDevice.Sources;
using Microsoft.Extensions.Time.Testing;

namespace EdgeDevice.Tests.Sources;

public class SyntheticSourceTests
{
    private static byte[] Render(long n, int width = 320, int height = 240)
    {
        var pixels = new byte[width * height];
        SyntheticPattern.Render(n, new Plane<byte>(pixels, width, height));
        return pixels;
    }

    private static async Task<byte[]> ReadCopy(SyntheticSource source) =>
        (await source.ReadAsync(CancellationToken.None))!.Pixels.ToArray();

    [Fact]
    public async Task Default_size_is_320_by_240()
    {
        using var source = new SyntheticSource();
        LumaFrame frame = (await source.ReadAsync(CancellationToken.None))!;

        Assert.Equal((320, 240), (frame.Width, frame.Height));
        Assert.Equal("synthetic", frame.Origin);
        Assert.Equal("synthetic 320x240", source.Description);
    }

    [Fact]
    public async Task Frame_n_is_the_same_from_any_source_and_from_the_pattern()
    {
        using var first = new SyntheticSource(64, 48);
        using var second = new SyntheticSource(64, 48);
        for (long n = 0; n < 40; n++)
        {
            byte[] a = await ReadCopy(first);
            Assert.Equal(a, await ReadCopy(second));
            Assert.Equal(a, Render(n, 64, 48));
        }

        // Rendering out of order gives the same picture: frame n depends on n alone.
        Assert.Equal(Render(1000, 64, 48), Render(1000, 64, 48));
        Assert.Equal(Render(7, 64, 48), Render(7, 64, 48));
    }

    [Fact]
    public void Frames_change_over_time()
    {
        byte[] previous = Render(0);
        for (long n = 1; n < 30; n++)
        {
            byte[] current = Render(n);
            Assert.NotEqual(previous, current);
            previous = current;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(123456789)]
    public void Frames_have_strong_edges_in_both_directions(long n)
    {
        const int width = 320;
        const int height = 240;
        byte[] p = Render(n, width, height);
        int vertical = 0; // left-right steps: vertical edges
        int horizontal = 0; // up-down steps: horizontal edges
        for (int y = 0; y < height - 1; y++)
        {
            for (int x = 0; x < width - 1; x++)
            {
                int here = p[(y * width) + x];
                if (Math.Abs(here - p[(y * width) + x + 1]) >= 100)
                {
                    vertical++;
                }

                if (Math.Abs(here - p[((y + 1) * width) + x]) >= 100)
                {
                    horizontal++;
                }
            }
        }

        // Dozens of full-height bar edges and full-width bar edges, not a few stray pixels.
        Assert.True(vertical > 10 * height / 2, $"only {vertical} vertical edge pixels");
        Assert.True(horizontal > 5 * width, $"only {horizontal} horizontal edge pixels");
    }

    [Fact]
    public async Task Reads_allocate_nothing_after_the_first()
    {
        using var source = new SyntheticSource();
        for (int i = 0; i < 5; i++)
        {
            await source.ReadAsync(CancellationToken.None);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            ValueTask<LumaFrame?> read = source.ReadAsync(CancellationToken.None);
            Assert.True(read.IsCompletedSuccessfully);
            _ = await read;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Sequence_counts_frames_and_the_source_never_ends()
    {
        using var source = new SyntheticSource(8, 8);
        for (long n = 0; n < 500; n++)
        {
            Assert.Equal(n, (await source.ReadAsync(CancellationToken.None))!.Sequence);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 1)]
    [InlineData(1, 9)]
    [InlineData(1000, 16)]
    public void Tiny_and_odd_sizes_render(int width, int height)
    {
        for (long n = 0; n < 50; n++)
        {
            byte[] pixels = Render(n, width, height);
            Assert.Equal(width * height, pixels.Length);
        }
    }

    [Fact]
    public void Rendering_leaves_the_row_padding_alone()
    {
        var pixels = new byte[(10 * 16) + 12];
        Array.Fill(pixels, (byte)123);
        SyntheticPattern.Render(3, new Plane<byte>(pixels, 12, 11, 16));

        for (int y = 0; y < 10; y++)
        {
            Assert.All(pixels.AsSpan((y * 16) + 12, 4).ToArray(), p => Assert.Equal(123, p));
        }
    }

    [Theory]
    [InlineData(0, 240)]
    [InlineData(320, 0)]
    [InlineData(-1, 10)]
    [InlineData(9000, 10)]
    public void Unusable_size_is_an_argument_error(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticSource(width, height));

    [Fact]
    public async Task Paced_source_waits_for_each_frame()
    {
        var time = new FakeTimeProvider();
        using var source = new SyntheticSource(16, 16, framesPerSecond: 25, timeProvider: time);
        await source.ReadAsync(CancellationToken.None);

        Task<LumaFrame?> next = source.ReadAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(39));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await next)!.Sequence);
    }
}
