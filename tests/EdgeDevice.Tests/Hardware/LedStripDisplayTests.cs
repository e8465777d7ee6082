using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;
using static EdgeDevice.Tests.Hardware.Fakes.RecordingSpiDevice;

namespace EdgeDevice.Tests.Hardware;

public class LedStripDisplayTests
{
    private static RecordingSpiDevice Spi() => new(LedStripDisplay.SpiSettings(0, 0));

    [Fact]
    public void OneRedPixelIsGrbWithThreeSpiBitsPerDataBitThenTheResetGap()
    {
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 1, 1);
        var frame = new LedFrame(1, 1);
        frame[0, 0] = new Rgb(255, 0, 0);

        display.Show(frame);

        byte[] write = Assert.Single(spi.Writes);
        Assert.Equal(Hex("92 49 24 DB 6D B6 92 49 24"), write[..9]);
        Assert.Equal(new byte[30], write[9..]);
    }

    [Fact]
    public void Sk6812AddsAWhiteChannelThatStaysOff()
    {
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 1, 1, LedStripChip.Sk6812);
        var frame = new LedFrame(1, 1);
        frame[0, 0] = new Rgb(255, 0, 0);
        display.Show(frame);
        Assert.Equal(Hex("92 49 24 DB 6D B6 92 49 24 92 49 24"), Assert.Single(spi.Writes)[..12]);
        Assert.Equal(12 + 30, spi.Writes[0].Length);
    }

    [Fact]
    public void TheSpiClockIsSetToTwoPointFourMegahertzAndAnythingElseIsRefused()
    {
        Assert.Equal(2_400_000, LedStripDisplay.SpiSettings(0, 0).ClockFrequency);
        Assert.Equal(System.Device.Spi.SpiMode.Mode0, LedStripDisplay.SpiSettings(0, 0).Mode);
        var slow = new RecordingSpiDevice(new System.Device.Spi.SpiConnectionSettings(0, 0) { ClockFrequency = 500_000 });
        var ex = Assert.Throws<ArgumentException>(() => new LedStripDisplay(slow, 8, 8));
        Assert.Contains("2400000", ex.Message);
    }

    [Fact]
    public void RowMajorAndSerpentineOrderTheSameFrameDifferently()
    {
        // 3x2 frame, each pixel a distinct colour: R = viewer index.
        var frame = new LedFrame(3, 2);
        for (int i = 0; i < 6; i++)
        {
            frame.Pixels[i] = new Rgb((byte)(i + 1), 0, 0);
        }

        List<byte> Order(WiringOrder order)
        {
            var spi = Spi();
            using var display = new LedStripDisplay(spi, 3, 2, order: order);
            display.Show(frame);
            return Ws2812Wire.Decode(spi.Writes[0], 6, 3).Select(l => l.Color.R).ToList();
        }

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, Order(WiringOrder.RowMajor));
        Assert.Equal(new byte[] { 1, 2, 3, 6, 5, 4 }, Order(WiringOrder.Serpentine));
    }

    [Fact]
    public void RotationAndSerpentineCombine()
    {
        // Panel 3 wide, 2 tall, mounted turned 90 degrees clockwise: the viewer sees 2 wide, 3 tall.
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 3, 2, order: WiringOrder.Serpentine, rotation: 90);
        Assert.Equal((2, 3), (display.Capabilities.Width, display.Capabilities.Height));
        var frame = new LedFrame(2, 3);
        for (int i = 0; i < 6; i++)
        {
            frame.Pixels[i] = new Rgb((byte)(i + 1), 0, 0);
        }

        display.Show(frame);
        byte[] strip = Ws2812Wire.Decode(spi.Writes[0], 6, 3).Select(l => l.Color.R).ToArray();

        // Viewer (x, y) -> panel (y, 1 - x). Panel row 0 (left to right): viewer (1,0),(1,1),(1,2) = 2, 4, 6.
        // Panel row 1 reversed by the serpentine: panel x = 2, 1, 0 -> viewer (0,2),(0,1),(0,0) = 5, 3, 1.
        Assert.Equal(new byte[] { 2, 4, 6, 5, 3, 1 }, strip);
    }

    [Fact]
    public void BrightnessCapScalesEveryChannel()
    {
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 1, 1, brightness: 0.25);
        var frame = new LedFrame(1, 1);
        frame[0, 0] = new Rgb(255, 100, 3);
        display.Show(frame);
        // 255 * 0.25 = 63.75 -> 64; 100 * 0.25 = 25; 3 * 0.25 = 0.75 -> 1.
        Assert.Equal(new Rgb(64, 25, 1), Ws2812Wire.Decode(spi.Writes[0], 1, 3)[0].Color);
    }

    [Fact]
    public void AFullWhitePanelIsScaledUnderTheCurrentLimitKeepingItsHue()
    {
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 8, 8, maxCurrentMilliamps: 2000);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(new Rgb(255, 255, 255));
        // 64 LEDs x 3 channels x 20 mA = 3840 mA before the budget.
        Assert.Equal(3840, PowerBudget.EstimateMilliamps(frame.Pixels), 6);

        display.Show(frame);

        var leds = Ws2812Wire.Decode(spi.Writes[0], 64, 3).Select(l => l.Color).ToArray();
        double estimate = PowerBudget.EstimateMilliamps(leds);
        Assert.True(display.LastFrameLimited);
        Assert.InRange(estimate, 1950, 2000);
        Assert.All(leds, c => Assert.True(c.R == c.G && c.G == c.B, $"{c} is no longer white"));
    }

    [Fact]
    public void AFrameUnderTheLimitIsSentUnchanged()
    {
        var spi = Spi();
        using var display = new LedStripDisplay(spi, 8, 8, maxCurrentMilliamps: 2000);
        var frame = new LedFrame(8, 8);
        frame[3, 3] = new Rgb(255, 255, 255); // 60 mA
        display.Show(frame);
        Assert.False(display.LastFrameLimited);
        Assert.Equal(new Rgb(255, 255, 255), Ws2812Wire.Decode(spi.Writes[0], 64, 3)[(3 * 8) + 3].Color);
    }

    [Fact]
    public void PowerBudgetKeepsRatiosBetweenPixels()
    {
        var pixels = new Rgb[] { new(200, 100, 0), new(100, 50, 0) };
        var budget = new PowerBudget(10); // 10 mA allows a channel sum of 127
        Assert.True(budget.Apply(pixels));
        Assert.True(PowerBudget.EstimateMilliamps(pixels) <= 10);
        Assert.InRange(pixels[0].R, 2 * pixels[1].R - 1, 2 * pixels[1].R + 1);
        Assert.InRange(pixels[0].R, 2 * pixels[0].G - 1, 2 * pixels[0].G + 1);
    }

    [Fact]
    public void APanelLargerThanTheSpidevBufferIsRefusedWithTheFix()
    {
        // 32x16 = 512 LEDs x 9 + 30 = 4638 bytes > 4096.
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LedStripDisplay(Spi(), 32, 16));
        Assert.Contains("4638", ex.Message);
        Assert.Contains("4096", ex.Message);
        Assert.Contains("spidev.bufsiz", ex.Message);
        // 441 LEDs (21x21) x 9 + 30 = 3999 fits, and with a raised buffer the large panel is fine too.
        using var fits = new LedStripDisplay(Spi(), 21, 21);
        using var raised = new LedStripDisplay(Spi(), 32, 16, spiBufferSize: 65536);
        Assert.Equal(32, raised.Capabilities.Width);
    }

    [Fact]
    public void TheSpidevBufferSizeIsReadFromTheModuleParameterWhenPresent()
    {
        using var t = new TempFolder();
        Assert.Equal(65536, SpiBufferSize.Read(t.Write("bufsiz", "65536\n")));
        Assert.Equal(4096, SpiBufferSize.Read(t.File("missing")));
        Assert.Equal(4096, SpiBufferSize.Read(t.Write("garbage", "lots")));
    }

    [Fact]
    public void BlankAndDisposeSendAllOffAndReleaseTheBus()
    {
        var spi = Spi();
        var display = new LedStripDisplay(spi, 2, 2);
        var frame = new LedFrame(2, 2);
        frame.Pixels.Fill(new Rgb(9, 9, 9));
        display.Show(frame);
        display.Dispose();
        Assert.Equal(2, spi.Writes.Count);
        Assert.All(Ws2812Wire.Decode(spi.Writes[1], 4, 3), l => Assert.Equal(Rgb.Black, l.Color));
        Assert.True(spi.Disposed);
    }
}
