using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware;

public class BlankOnDisposeDisplayTests
{
    [Fact]
    public void DisposeBlanksThenReleasesOnceHoweverOftenItIsCalled()
    {
        var display = new LoggingDisplay(blankFails: false);

        display.Dispose();
        display.Dispose();

        Assert.Equal(["blank", "release"], display.Log);
    }

    [Fact]
    public void AFailedBlankStillReleasesTheHardwareAndSurfaces()
    {
        var display = new LoggingDisplay(blankFails: true);

        var ex = Assert.Throws<IOException>(display.Dispose);

        Assert.Equal("bus gone", ex.Message);
        Assert.Equal(["blank", "release"], display.Log);
    }

    [Fact]
    public void SenseHatI2cDisposeSendsAnAllOffFrameAndReleasesTheBus()
    {
        var i2c = new RecordingI2cDevice(0x46);
        var display = new SenseHatI2cDisplay(i2c);
        var frame = new LedFrame(8, 8);
        frame[3, 3] = new Rgb(255, 255, 255);
        display.Show(frame);
        i2c.Writes.Clear();

        display.Dispose();

        Assert.Equal(new byte[193], Assert.Single(i2c.Writes));
        Assert.True(i2c.Disposed);
    }

    [Fact]
    public void SenseHatFramebufferDisposeWritesBlackAndClosesTheDevice()
    {
        using var t = new TempFolder();
        string fb = t.Write("fb1", string.Empty);
        var display = new SenseHatFramebufferDisplay(fb);
        var frame = new LedFrame(8, 8);
        frame[3, 3] = new Rgb(255, 255, 255);
        display.Show(frame);
        Assert.Contains(File.ReadAllBytes(fb), b => b != 0);
        Assert.ThrowsAny<IOException>(() => OpenExclusively(fb)); // .NET locks the open device file

        display.Dispose();

        Assert.Equal(new byte[128], File.ReadAllBytes(fb));
        OpenExclusively(fb).Dispose();
    }

    private static FileStream OpenExclusively(string path) => new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

    /// <summary>Records the order of the life-cycle calls the base class makes.</summary>
    private sealed class LoggingDisplay(bool blankFails) : BlankOnDisposeDisplay
    {
        public List<string> Log { get; } = [];

        public override string Name => "logging";

        public override DisplayCapabilities Capabilities { get; } = new(1, 1, ColorDepth.Rgb24);

        public override void Show(LedFrame frame) => Log.Add("show");

        public override void Blank()
        {
            Log.Add("blank");
            if (blankFails)
            {
                throw new IOException("bus gone");
            }
        }

        protected override void ReleaseHardware() => Log.Add("release");
    }
}
