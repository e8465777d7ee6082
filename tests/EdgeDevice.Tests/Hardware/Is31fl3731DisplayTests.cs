using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using static EdgeDevice.Tests.Hardware.Fakes.RecordingSpiDevice;

namespace EdgeDevice.Tests.Hardware;

public class Is31fl3731DisplayTests
{
    // IS31FL3731 datasheet: 0xFD selects the page (0..7 frames, 0x0B function); function page
    // register 0x0A is shutdown (0 off, 1 normal), 0x00 configuration (0 = picture mode);
    // frame page registers 0x00..0x11 enable LEDs, 0x24..0xB3 hold the 144 PWM values.
    [Fact]
    public void StartUpResetsSelectsPictureModeEnablesAllLedsAndBlanks()
    {
        var i2c = new RecordingI2cDevice(0x74);
        using var display = new Is31fl3731Display(i2c, 16, 9);
        var w = i2c.Writes;
        Assert.Equal(Hex("FD 0B"), w[0]);
        Assert.Equal(Hex("0A 00"), w[1]);
        Assert.Equal(Hex("FD 0B"), w[2]);
        Assert.Equal(Hex("0A 01"), w[3]);
        Assert.Equal(Hex("FD 0B"), w[4]);
        Assert.Equal(Hex("00 00"), w[5]);
        Assert.Equal(Hex("FD 00"), w[6]);
        Assert.Equal(Hex("FD 00"), w[7]);
        Assert.Equal(new byte[] { 0x00 }.Concat(Enumerable.Repeat((byte)0xFF, 18)), w[8]);
        Assert.Equal(Hex("FD 00"), w[9]);
        Assert.Equal(new byte[] { 0x24 }.Concat(new byte[144]), w[10]);
        Assert.Equal(11, w.Count);
    }

    [Fact]
    public void BackpackFrameIsTwoWritesWithGreyLevelsAtRowMajorAddresses()
    {
        // Adafruit 16x9 backpack: LED (x, y) is PWM register 0x24 + x + 16 y.
        var i2c = new RecordingI2cDevice(0x74);
        using var display = new Is31fl3731Display(i2c, 16, 9);
        Assert.Equal(ColorDepth.Gray8, display.Capabilities.Depth);
        var frame = new LedFrame(16, 9);
        frame[0, 0] = new Rgb(255, 255, 255);
        frame[3, 2] = new Rgb(100, 100, 100);
        frame[15, 8] = new Rgb(0, 255, 0); // luma 149
        i2c.Writes.Clear();

        display.Show(frame);

        Assert.Equal(2, i2c.Writes.Count);
        Assert.Equal(Hex("FD 00"), i2c.Writes[0]);
        byte[] pwm = i2c.Writes[1];
        Assert.Equal(145, pwm.Length);
        Assert.Equal(0x24, pwm[0]);
        Assert.Equal(255, pwm[1 + 0]);
        Assert.Equal(100, pwm[1 + 35]);
        Assert.Equal(149, pwm[1 + 143]);
        Assert.Equal(3, pwm.Skip(1).Count(b => b != 0));
    }

    [Fact]
    public void BonnetFrameStartsAtThePwmRegisterWhateverTheBoardWiring()
    {
        // Adafruit 16x8 bonnet (its CircuitPython driver): x < 8 -> (x + 1) * 16 + (7 - y); x >= 8 -> (x - 6) * 16 - (y + 1).
        var i2c = new RecordingI2cDevice(0x74);
        using var display = new Is31fl3731Display(i2c, 16, 8);
        var frame = new LedFrame(16, 8);
        frame[0, 0] = new Rgb(10, 10, 10);  // 1 * 16 + 7 = 23
        frame[8, 0] = new Rgb(20, 20, 20);  // 2 * 16 - 1 = 31
        frame[15, 7] = new Rgb(30, 30, 30); // 9 * 16 - 8 = 136
        i2c.Writes.Clear();
        display.Show(frame);
        byte[] pwm = i2c.Writes[1];
        Assert.Equal(0x24, pwm[0]);
        Assert.Equal(10, pwm[1 + 23]);
        Assert.Equal(20, pwm[1 + 31]);
        Assert.Equal(30, pwm[1 + 136]);
    }

    [Fact]
    public void BrightnessCapScalesGreyLevels()
    {
        var i2c = new RecordingI2cDevice(0x74);
        using var display = new Is31fl3731Display(i2c, 16, 9, brightness: 0.5);
        var frame = new LedFrame(16, 9);
        frame[0, 0] = new Rgb(255, 255, 255);
        i2c.Writes.Clear();
        display.Show(frame);
        Assert.Equal(128, i2c.Writes[1][1]);
    }

    [Fact]
    public void AnUnknownSizeIsRefusedListingTheBoards()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Is31fl3731Display(new RecordingI2cDevice(0x74), 8, 8));
        Assert.Contains("16x8", ex.Message);
        Assert.Contains("17x7", ex.Message);
    }

    [Fact]
    public void DisposeBlanksAndReleasesTheBus()
    {
        var i2c = new RecordingI2cDevice(0x74);
        var display = new Is31fl3731Display(i2c, 11, 7);
        var frame = new LedFrame(11, 7);
        frame.Pixels.Fill(new Rgb(255, 255, 255));
        display.Show(frame);
        i2c.Writes.Clear();
        display.Dispose();
        Assert.Equal(new byte[] { 0x24 }.Concat(new byte[144]), i2c.Writes[1]);
        Assert.True(i2c.Disposed);
    }
}
