using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Tests.Hardware.Fakes;

namespace EdgeDevice.Tests.Hardware.Cameras;

public class UsbCameraSourceTests
{
    private static readonly UsbCameraOptions Small = new()
    {
        Width = 4,
        Height = 2,
        FirstRestartDelay = TimeSpan.FromMilliseconds(20),
        MaxRestartDelay = TimeSpan.FromMilliseconds(100),
        StallTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A 4x2 YUYV frame: Y = id * 10 + pixel index, U = 0x80 - id, V = 0x80 + id.</summary>
    private static byte[] Frame(int id, int stride = 8)
    {
        var f = new byte[stride * 2];
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 4; x += 2)
            {
                int at = (y * stride) + (2 * x);
                f[at] = (byte)((id * 10) + (y * 4) + x);
                f[at + 1] = (byte)(0x80 - id);
                f[at + 2] = (byte)((id * 10) + (y * 4) + x + 1);
                f[at + 3] = (byte)(0x80 + id);
            }

            for (int pad = 8; pad < stride; pad++)
            {
                f[(y * stride) + pad] = 0xEE;
            }
        }

        return f;
    }

    [Fact]
    public async Task LuminanceIsTheYBytesAtEvenOffsets()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Block, Frame(1));
        using var source = new UsbCameraSource(device, Small, pool: pool, isPresent: () => true);

        LumaFrame frame = await Read(source);

        Assert.Equal(new byte[] { 10, 11, 12, 13, 14, 15, 16, 17 }, frame.Pixels.ToArray());
        Assert.Equal("/dev/video0", frame.Origin);
        Assert.True(device.ImageBufferPoolingEnabled);
    }

    [Fact]
    public async Task PaddedRowsAreSkipped()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Block, Frame(2, stride: 12));
        using var source = new UsbCameraSource(device, Small, pool: pool, isPresent: () => true);
        Assert.Equal(new byte[] { 20, 21, 22, 23, 24, 25, 26, 27 }, (await Read(source)).Pixels.ToArray());
    }

    [Fact]
    public async Task EveryPooledBufferGoesBackAndTakingAFrameAllocatesNothing()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Block, Enumerable.Range(1, 20).Select(i => Frame(i)).ToArray());
        using var source = new UsbCameraSource(device, Small, pool: pool, isPresent: () => true);
        await Read(source, f => f.Pixels[0] == 200);
        Assert.Equal(20, pool.Rented);
        Assert.Equal(20, pool.Returned);

        // The per-frame path itself (what the binding's event calls) allocates nothing.
        byte[] template = Frame(3);
        for (int i = 0; i < 5; i++)
        {
            byte[] b = pool.Rent(template.Length);
            template.CopyTo(b, 0);
            source.Accept(b, template.Length);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            byte[] b = pool.Rent(template.Length);
            source.Accept(b, template.Length);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(pool.Rented, pool.Returned);
    }

    [Fact]
    public async Task ACaptureFailureIsRetriedAndFramesComeBack()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Throw, Frame(1));
        device.AddSession(FakeVideoDevice.Ending.Block, Frame(5));
        var log = new ListLogger();
        using var source = new UsbCameraSource(device, Small, log, pool: pool, isPresent: () => true);

        await Read(source, f => f.Pixels[0] == 50);

        Assert.Equal(2, source.Starts);
        Assert.True(device.Stops >= 1);
        Assert.Contains(log.Snapshot(), l => l.Contains("The camera went away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnpluggedCameraIsWaitedForAndPickedUpAgain()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Block, Frame(1));
        device.AddSession(FakeVideoDevice.Ending.Block, Frame(7));
        bool present = true;
        var log = new ListLogger();
        using var source = new UsbCameraSource(device, Small, log, pool: pool, isPresent: () => Volatile.Read(ref present));
        await Read(source, f => f.Pixels[0] == 10);

        Volatile.Write(ref present, false);
        await WaitUntil(() => log.Snapshot().Any(l => l.Contains("disappeared", StringComparison.Ordinal)));
        Volatile.Write(ref present, true);

        await Read(source, f => f.Pixels[0] == 70);
        Assert.Equal(2, source.Starts);
    }

    [Fact]
    public async Task AFrameOfTheWrongSizeIsReportedOnceAndNotDelivered()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        device.AddSession(FakeVideoDevice.Ending.Block, new byte[6], new byte[6], Frame(4));
        var log = new ListLogger();
        using var source = new UsbCameraSource(device, Small, log, pool: pool, isPresent: () => true);
        LumaFrame f = await Read(source);
        Assert.Equal(40, f.Pixels[0]);
        Assert.Equal(0, f.Sequence);
        Assert.Single(log.Snapshot(), l => l.Contains("needs 16", StringComparison.Ordinal));
        Assert.Equal(pool.Rented, pool.Returned);
    }

    [Fact]
    public async Task DisposeStopsCaptureAndReleasesTheDevice()
    {
        var pool = new CountingPool();
        var device = new FakeVideoDevice(pool);
        var source = new UsbCameraSource(device, Small, pool: pool, isPresent: () => true);
        source.Dispose();
        Assert.True(device.Disposed);
        Assert.Null(await source.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public void AMissingDeviceNodeIsHardwareUnavailableWithTheFix()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => UsbCameraSource.Open(new UsbCameraOptions { Device = 97 }));
        Assert.Contains("/dev/video97", ex.Message);
        Assert.Contains("v4l2-ctl --list-devices", ex.Message);
    }

    private static async Task<LumaFrame> Read(UsbCameraSource source, Func<LumaFrame, bool>? done = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            LumaFrame? f = await source.ReadAsync(timeout.Token);
            Assert.NotNull(f);
            if (done is null || done(f))
            {
                return f;
            }
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
