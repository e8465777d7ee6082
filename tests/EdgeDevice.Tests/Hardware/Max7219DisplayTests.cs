using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using static EdgeDevice.Tests.Hardware.Fakes.RecordingSpiDevice;

namespace EdgeDevice.Tests.Hardware;

public class Max7219DisplayTests
{
    // Datasheet register map: 0x01..0x08 digit 0..7, 0x09 decode mode, 0x0A intensity,
    // 0x0B scan limit, 0x0C shutdown (1 = normal), 0x0F display test. Each SPI word is
    // (address, data), one word per chip in the chain, the far chip's word first.
    [Fact]
    public void StartUpSendsTheDatasheetInitialisationThenBlanksAndSetsTheCappedIntensity()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 1, brightness: 0.5);

        Assert.Equal(Hex("0B 07"), spi.Writes[0]);
        Assert.Equal(Hex("09 00"), spi.Writes[1]);
        Assert.Equal(Hex("0F 00"), spi.Writes[2]);
        Assert.Equal(Hex("0C 01"), spi.Writes[3]);
        Assert.Equal(Hex("0A 04"), spi.Writes[4]);
        for (int digit = 0; digit < 8; digit++)
        {
            Assert.Equal(new byte[] { (byte)(digit + 1), 0x00 }, spi.Writes[5 + digit]);
        }

        // 0.5 of 15 steps rounds to 8.
        Assert.Equal(Hex("0A 08"), spi.Writes[13]);
        Assert.Equal(14, spi.Writes.Count);
    }

    [Fact]
    public void AFrameIsEightWritesOneRowEachWithBitSevenTheLeftColumn()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 1);
        var frame = new LedFrame(8, 8);
        var white = new Rgb(255, 255, 255);
        frame[0, 0] = white;
        frame[7, 0] = white;
        frame[3, 5] = white;
        spi.Writes.Clear();

        display.Show(frame);

        Assert.Equal(8, spi.Writes.Count);
        Assert.Equal(Hex("01 81"), spi.Writes[0]);
        Assert.Equal(Hex("02 00"), spi.Writes[1]);
        Assert.Equal(Hex("06 10"), spi.Writes[5]);
        Assert.Equal(Hex("08 00"), spi.Writes[7]);
    }

    [Fact]
    public void AChainSendsOneWordPerChipFarChipFirst()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 2);
        Assert.Equal(16, display.Capabilities.Width);
        Assert.Equal(8, display.Capabilities.Height);
        var frame = new LedFrame(16, 8);
        frame[0, 0] = new Rgb(255, 255, 255);   // chip 0, left column
        frame[15, 0] = new Rgb(255, 255, 255);  // chip 1, right column
        spi.Writes.Clear();

        display.Show(frame);

        Assert.Equal(Hex("01 01 01 80"), spi.Writes[0]);
        Assert.Equal(Hex("02 00 02 00"), spi.Writes[1]);
        // Init on a chain repeats each word for every chip.
        var fresh = new RecordingSpiDevice();
        using var again = new Max7219Display(fresh, chainLength: 2);
        Assert.Equal(Hex("0B 07 0B 07"), fresh.Writes[0]);
    }

    [Fact]
    public void ThresholdUsesLuminanceAtOneHundredTwentyEight()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 1);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(128, 128, 128); // luma 128: on
        frame[1, 0] = new Rgb(127, 127, 127); // luma 127: off
        frame[2, 0] = new Rgb(0, 255, 0);     // luma (150*255+128)>>8 = 149: on
        frame[3, 0] = new Rgb(0, 0, 255);     // luma 29: off
        spi.Writes.Clear();

        display.Show(frame);

        Assert.Equal(Hex("01 A0"), spi.Writes[0]);
    }

    [Fact]
    public void BayerDitherLightsAShareOfLedsThatGrowsWithTheGreyLevel()
    {
        int Lit(byte grey)
        {
            var spi = new RecordingSpiDevice();
            using var display = new Max7219Display(spi, chainLength: 1, conversion: MonoConversion.Bayer);
            var frame = new LedFrame(8, 8);
            frame.Pixels.Fill(new Rgb(grey, grey, grey));
            spi.Writes.Clear();
            display.Show(frame);
            return spi.Writes.Sum(w => System.Numerics.BitOperations.PopCount(w[1]));
        }

        Assert.Equal(0, Lit(0));
        Assert.Equal(64, Lit(255));
        // Grey 128 reaches thresholds 8, 24, ..., 120: the 8 lowest of 16 in each 4x4 tile, so half.
        Assert.Equal(32, Lit(128));
        // Grey 64 reaches 8, 24, 40, 56: a quarter.
        Assert.Equal(16, Lit(64));
        int previous = -1;
        for (int g = 0; g < 256; g += 5)
        {
            int lit = Lit((byte)g);
            Assert.True(lit >= previous, $"grey {g} lit {lit} LEDs, fewer than the darker grey before it ({previous})");
            previous = lit;
        }
    }

    [Fact]
    public void BayerPatternForHalfGreyIsTheDatasheetCheckerOfTheIndexMatrix()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 1, conversion: MonoConversion.Bayer);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(new Rgb(128, 128, 128));
        spi.Writes.Clear();
        display.Show(frame);
        // Bayer index rows 0 8 2 10 / 12 4 14 6 / 3 11 1 9 / 15 7 13 5: indices below 8 are on.
        // Row 0: on at x = 0, 2 (and 4, 6) -> 1010 1010 = AA; row 1: x = 1, 3 -> 0101 0101 = 55.
        Assert.Equal(Hex("01 AA"), spi.Writes[0]);
        Assert.Equal(Hex("02 55"), spi.Writes[1]);
        Assert.Equal(Hex("03 AA"), spi.Writes[2]);
        Assert.Equal(Hex("04 55"), spi.Writes[3]);
    }

    [Fact]
    public void RotationNinetyTurnsAChainIntoATallViewerPicture()
    {
        var spi = new RecordingSpiDevice();
        using var display = new Max7219Display(spi, chainLength: 2, rotation: 90);
        Assert.Equal(8, display.Capabilities.Width);
        Assert.Equal(16, display.Capabilities.Height);
        var frame = new LedFrame(8, 16);
        // Viewer top-left of a panel turned 90 degrees clockwise is the panel's bottom-left.
        frame[0, 0] = new Rgb(255, 255, 255);
        spi.Writes.Clear();
        display.Show(frame);
        Assert.Equal(Hex("08 00 08 80"), spi.Writes[7]);
        Assert.All(spi.Writes.Take(7), w => Assert.Equal(0, w[1] | w[3]));
    }

    [Fact]
    public void BlankAndDisposeClearEveryRowAndReleaseTheBus()
    {
        var spi = new RecordingSpiDevice();
        var display = new Max7219Display(spi, chainLength: 1);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(new Rgb(255, 255, 255));
        display.Show(frame);
        spi.Writes.Clear();

        display.Dispose();

        Assert.Equal(8, spi.Writes.Count);
        Assert.All(spi.Writes, w => Assert.Equal(0, w[1]));
        Assert.True(spi.Disposed);
    }

    [Fact]
    public void AFrameOfTheWrongSizeIsRefusedWithBothSizes()
    {
        using var display = new Max7219Display(new RecordingSpiDevice(), chainLength: 1);
        var ex = Assert.Throws<ArgumentException>(() => display.Show(new LedFrame(16, 8)));
        Assert.Contains("8x8", ex.Message);
        Assert.Contains("16x8", ex.Message);
    }

    [Fact]
    public void TheSpiSettingsAreModeZeroAtTenMegahertz()
    {
        var s = Max7219Display.SpiSettings(0, 1);
        Assert.Equal(10_000_000, s.ClockFrequency);
        Assert.Equal(System.Device.Spi.SpiMode.Mode0, s.Mode);
        Assert.Equal(1, s.ChipSelectLine);
    }
}
