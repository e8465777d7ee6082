using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using static EdgeDevice.Tests.Hardware.Fakes.RecordingSpiDevice;

namespace EdgeDevice.Tests.Hardware;

public class Ht16k33DisplayTests
{
    private static readonly Rgb White = new(255, 255, 255);

    // HT16K33 datasheet: 0x21 system setup (oscillator on), 0xE0 | P dimming (P = 0..15),
    // 0x81 display on without blinking; display data = address pointer 0x00 then 16 RAM bytes,
    // two per row (COM): the even byte ROW0..7, the odd byte ROW8..15.
    [Fact]
    public void StartUpTurnsOnOscillatorAndDisplaySetsDimmingAndClears()
    {
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Mono8x8, brightness: 0.5);
        Assert.Equal(new byte[] { 0x21 }, i2c.Writes[0]);
        Assert.Equal(new byte[] { 0xE0 }, i2c.Writes[1]);
        Assert.Equal(new byte[] { 0x81 }, i2c.Writes[2]);
        Assert.Equal(new byte[] { 0xE8 }, i2c.Writes[3]); // 0.5 x 15 -> 8
        Assert.Equal(new byte[17], i2c.Writes[4]);
        Assert.Equal(5, i2c.Writes.Count);
    }

    [Fact]
    public void Mono8x8FrameIsOneSeventeenByteWriteInTheAdafruitColumnOrder()
    {
        // Adafruit 8x8 backpack wiring: row y is RAM byte 2y; column 0 is bit 7, column x >= 1 is bit x - 1.
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Mono8x8);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = White;
        frame[1, 0] = White;
        frame[7, 3] = White;
        i2c.Writes.Clear();

        display.Show(frame);

        byte[] w = Assert.Single(i2c.Writes);
        var expected = new byte[17];
        expected[1 + 0] = 0x81;
        expected[1 + 6] = 0x40;
        Assert.Equal(expected, w);
    }

    [Fact]
    public void Mono16x8PutsTheRightHalfInTheOddBytes()
    {
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Mono16x8);
        Assert.Equal(16, display.Capabilities.Width);
        var frame = new LedFrame(16, 8);
        frame[0, 0] = White;   // RAM 0 bit 0
        frame[15, 1] = White;  // RAM 3 bit 7
        i2c.Writes.Clear();
        display.Show(frame);
        byte[] w = Assert.Single(i2c.Writes);
        var expected = new byte[17];
        expected[1 + 0] = 0x01;
        expected[1 + 3] = 0x80;
        Assert.Equal(expected, w);
    }

    [Fact]
    public void BicolourSendsGreenInTheEvenAndRedInTheOddByteOfEachRow()
    {
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Bicolor8x8);
        Assert.Equal(ColorDepth.Rgb24, display.Capabilities.Depth);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 0, 0);   // red
        frame[1, 0] = new Rgb(0, 200, 0);   // green
        frame[2, 0] = new Rgb(200, 200, 0); // yellow = both
        frame[3, 0] = new Rgb(100, 100, 255); // below threshold in red and green: off
        i2c.Writes.Clear();
        display.Show(frame);
        byte[] w = Assert.Single(i2c.Writes);
        Assert.Equal(0b0000_0110, w[1]); // green: x 1 and 2
        Assert.Equal(0b0000_0101, w[2]); // red: x 0 and 2
        Assert.All(w[3..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void EachFrameReplacesThePreviousOneEntirely()
    {
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Mono8x8);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(White);
        display.Show(frame);
        frame.Clear();
        i2c.Writes.Clear();
        display.Show(frame);
        Assert.Equal(new byte[17], Assert.Single(i2c.Writes));
    }

    [Fact]
    public void ReinitialiseResendsTheSetUpCommands()
    {
        var i2c = new RecordingI2cDevice(0x70);
        using var display = new Ht16k33Display(i2c, Ht16k33Model.Mono8x8, brightness: 1.0);
        i2c.Writes.Clear();
        display.Reinitialize();
        Assert.Equal(new[] { Hex("21"), Hex("EF"), Hex("81") }, i2c.Writes);
    }

    [Fact]
    public void DisposeBlanksAndReleasesTheBus()
    {
        var i2c = new RecordingI2cDevice(0x70);
        var display = new Ht16k33Display(i2c, Ht16k33Model.Mono8x8);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(White);
        display.Show(frame);
        i2c.Writes.Clear();
        display.Dispose();
        Assert.Equal(new byte[17], Assert.Single(i2c.Writes));
        Assert.True(i2c.Disposed);
    }
}
