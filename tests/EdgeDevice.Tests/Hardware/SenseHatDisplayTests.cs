using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware;

public class SenseHatDisplayTests
{
    // Sense HAT firmware register map: 192 bytes from register 0, row by row, each row
    // 8 red, 8 green, 8 blue values of 6 bits (0..63).
    [Fact]
    public void I2cFrameIsOneWriteOfRegisterZeroAndSixBitRowPlanes()
    {
        var i2c = new RecordingI2cDevice(0x46);
        using var display = new SenseHatI2cDisplay(i2c);
        var blankAtStart = Assert.Single(i2c.Writes);
        Assert.Equal(new byte[193], blankAtStart);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 0, 0);
        frame[1, 2] = new Rgb(0, 128, 0);
        frame[7, 7] = new Rgb(0, 0, 4);
        i2c.Writes.Clear();

        display.Show(frame);

        byte[] w = Assert.Single(i2c.Writes);
        var expected = new byte[193];
        expected[1 + 0] = 0x3F;                  // row 0, red plane, x 0: 255 >> 2
        expected[1 + (2 * 24) + 8 + 1] = 0x20;   // row 2, green plane, x 1: 128 >> 2
        expected[1 + (7 * 24) + 16 + 7] = 0x01;  // row 7, blue plane, x 7: 4 >> 2
        Assert.Equal(expected, w);
    }

    [Fact]
    public void I2cRotationOneEightyPutsTheViewersTopLeftAtThePanelsBottomRight()
    {
        var i2c = new RecordingI2cDevice(0x46);
        using var display = new SenseHatI2cDisplay(i2c, rotation: 180);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 0, 0);
        i2c.Writes.Clear();
        display.Show(frame);
        Assert.Equal(0x3F, i2c.Writes[0][1 + (7 * 24) + 7]);
        Assert.Equal(1, i2c.Writes[0].Count(b => b != 0));
    }

    [Fact]
    public void AnAbsentHatFailsAtStartUpWithTheBusError()
    {
        var i2c = new RecordingI2cDevice(0x46) { NacksToCome = -1 };
        Assert.Throws<IOException>(() => new SenseHatI2cDisplay(i2c));
    }

    [Fact]
    public void FramebufferFrameIsOneHundredTwentyEightBytesOfLittleEndianRgb565()
    {
        using var t = new TempFolder();
        string fb = t.Write("fb1", string.Empty);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 0, 0);     // F800
        frame[1, 0] = new Rgb(0, 255, 0);     // 07E0
        frame[2, 0] = new Rgb(0, 0, 255);     // 001F
        frame[7, 7] = new Rgb(255, 255, 255); // FFFF
        frame[3, 1] = new Rgb(8, 4, 8);       // 1<<11 | 1<<5 | 1 = 0821
        using (var display = new SenseHatFramebufferDisplay(fb))
        {
            display.Show(frame);
            byte[] bytes = File.ReadAllBytes(fb);
            Assert.Equal(128, bytes.Length);
            Assert.Equal(new byte[] { 0x00, 0xF8, 0xE0, 0x07, 0x1F, 0x00 }, bytes[..6]);
            Assert.Equal(new byte[] { 0xFF, 0xFF }, bytes[126..]);
            Assert.Equal(new byte[] { 0x21, 0x08 }, bytes[(2 * 11)..(2 * 12)]);
            Assert.Equal(5, Enumerable.Range(0, 64).Count(i => bytes[2 * i] != 0 || bytes[(2 * i) + 1] != 0));
        }

        // Disposing blanks the matrix.
        Assert.Equal(new byte[128], File.ReadAllBytes(fb));
    }

    [Fact]
    public void FramebufferIsFoundByItsSysfsName()
    {
        using var t = new TempFolder();
        t.Write("sys/fb0/name", "BCM2708 FB\n");
        t.Write("sys/fb1/name", "RPi-Sense FB\n");
        Assert.Equal(Path.Combine(t.File("dev"), "fb1"), SenseHatFramebufferDisplay.Find(t.File("sys"), t.File("dev")));
        using var none = new TempFolder();
        none.Write("sys/fb0/name", "BCM2708 FB\n");
        Assert.Null(SenseHatFramebufferDisplay.Find(none.File("sys"), none.File("dev")));
        Assert.Null(SenseHatFramebufferDisplay.Find(none.File("nowhere")));
    }

    [Fact]
    public void FramebufferBrightnessCapScalesBeforePacking()
    {
        using var t = new TempFolder();
        string fb = t.Write("fb1", string.Empty);
        using var display = new SenseHatFramebufferDisplay(fb, brightness: 0.5);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 255, 255); // 128 each: R 16, G 32, B 16 -> 8410
        display.Show(frame);
        Assert.Equal(new byte[] { 0x10, 0x84 }, File.ReadAllBytes(fb)[..2]);
    }
}
