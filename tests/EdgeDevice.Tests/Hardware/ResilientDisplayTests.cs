using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdgeDevice.Tests.Hardware;

public class ResilientDisplayTests
{
    private static LedFrame Frame(int w, int h)
    {
        var f = new LedFrame(w, h);
        f.Pixels.Fill(new Rgb(255, 255, 255));
        return f;
    }

    [Fact]
    public void AnSpiDeviceThatFailsIsRetriedWithBackOffAndTheLoopNeverSeesAnException()
    {
        var time = new FakeTimeProvider();
        var log = new ListLogger();
        var spi = new RecordingSpiDevice();
        using var display = new ResilientDisplay(new Max7219Display(spi, 1), log, time);
        var frame = Frame(8, 8);
        spi.FailuresToCome = -1;
        spi.Writes.Clear();

        // Many frames while the device is gone: no exception, one attempt per back-off period.
        display.Show(frame);
        Assert.Equal(1, display.ConsecutiveFailures);
        for (int i = 0; i < 10; i++)
        {
            display.Show(frame);
        }

        Assert.Equal(1, display.ConsecutiveFailures);
        time.Advance(TimeSpan.FromSeconds(0.5));
        display.Show(frame);
        Assert.Equal(2, display.ConsecutiveFailures);
        time.Advance(TimeSpan.FromSeconds(0.5)); // the delay doubled to 1 s: not yet
        display.Show(frame);
        Assert.Equal(2, display.ConsecutiveFailures);
        time.Advance(TimeSpan.FromSeconds(0.5));
        display.Show(frame);
        Assert.Equal(3, display.ConsecutiveFailures);
        Assert.Equal(14, display.DroppedFrames);
        Assert.Equal(3, log.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("Error 5 performing SPI", StringComparison.Ordinal)));

        // The device comes back: the chip is set up again, then the frame goes out.
        spi.FailuresToCome = 0;
        time.Advance(TimeSpan.FromSeconds(2));
        display.Show(frame);
        Assert.False(display.IsFailing);
        Assert.Equal(new byte[] { 0x0B, 0x07 }, spi.Writes[0]); // Init first
        Assert.Equal(new byte[] { 0x01, 0xFF }, spi.Writes[^8]); // then the all-on frame
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("works again", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBackOffStopsGrowingAtThirtySeconds()
    {
        var time = new FakeTimeProvider();
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new ResilientDisplay(new Ht16k33Display(i2c, Ht16k33Model.Mono8x8), null, time);
        i2c.NacksToCome = -1;
        var frame = Frame(8, 8);
        for (int i = 0; i < 12; i++)
        {
            display.Show(frame);
            time.Advance(ResilientDisplay.MaxDelay);
        }

        // With the delay capped at 30 s, advancing 30 s each time allows an attempt every time.
        Assert.Equal(12, display.ConsecutiveFailures);
        display.Show(frame);
        time.Advance(TimeSpan.FromSeconds(29));
        display.Show(frame);
        Assert.Equal(13, display.ConsecutiveFailures);
    }

    [Fact]
    public void AnI2cDeviceThatNacksDuringBlankAndDisposeDoesNotThrow()
    {
        var log = new ListLogger();
        var i2c = new RecordingI2cDevice(0x46);
        var display = new ResilientDisplay(new SenseHatI2cDisplay(i2c), log, new FakeTimeProvider());
        i2c.NacksToCome = -1;
        display.Blank();
        display.Dispose();
        Assert.Equal(2, log.Lines.Count(l => l.Level == LogLevel.Warning));
    }

    [Fact]
    public void ABugIsNotSwallowed()
    {
        using var display = new ResilientDisplay(new Max7219Display(new RecordingSpiDevice(), 1));
        Assert.Throws<ArgumentException>(() => display.Show(new LedFrame(3, 3)));
    }

    [Fact]
    public void NameAndCapabilitiesAreTheInnerDisplays()
    {
        var inner = new Max7219Display(new RecordingSpiDevice(), 2, rotation: 90);
        using var display = new ResilientDisplay(inner);
        Assert.Equal(inner.Name, display.Name);
        Assert.Same(inner.Capabilities, display.Capabilities);
    }
}
