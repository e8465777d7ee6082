using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Platform;
using EdgeDevice.Tests.Hardware.Fakes;

namespace EdgeDevice.Tests.Hardware;

public class Hub75DisplayTests
{
    [Fact]
    public void AFrameIsDrawnIntoTheBackBufferOnceAndSwappedOnce()
    {
        var canvas = new RecordingCanvas(32, 16);
        using var display = new Hub75Display(canvas);
        var frame = new LedFrame(32, 16);
        frame[0, 0] = new Rgb(1, 2, 3);
        frame[31, 15] = new Rgb(200, 100, 50);

        display.Show(frame);

        Assert.Equal(1, canvas.Swaps);
        Assert.Equal(32 * 16, canvas.PixelWrites);
        Assert.Equal(new Rgb(1, 2, 3), canvas.Front[0]);
        Assert.Equal(new Rgb(200, 100, 50), canvas.Front[(15 * 32) + 31]);
    }

    [Fact]
    public void RotationTwoSeventyAndBrightnessAreAppliedBeforeTheDriverSeesThePixels()
    {
        var canvas = new RecordingCanvas(4, 2);
        using var display = new Hub75Display(canvas, rotation: 270, brightness: 0.5);
        Assert.Equal((2, 4), (display.Capabilities.Width, display.Capabilities.Height));
        var frame = new LedFrame(2, 4);
        frame[0, 0] = new Rgb(255, 0, 0);
        display.Show(frame);
        // Turned 270 clockwise, the viewer's (x, y) is the panel's (3 - y, x): (0, 0) -> (3, 0).
        Assert.Equal(new Rgb(128, 0, 0), canvas.Front[3]);
        Assert.Equal(1, canvas.Front.Count(c => c != Rgb.Black));
    }

    [Fact]
    public void BlankAndDisposeSwapInABlackFrameThenReleaseTheDriver()
    {
        var canvas = new RecordingCanvas(8, 8);
        var display = new Hub75Display(canvas);
        var frame = new LedFrame(8, 8);
        frame.Pixels.Fill(new Rgb(9, 9, 9));
        display.Show(frame);
        display.Dispose();
        Assert.Equal(2, canvas.Swaps);
        Assert.All(canvas.Front, c => Assert.Equal(Rgb.Black, c));
        Assert.True(canvas.Disposed);
    }

    [Theory]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0")]
    [InlineData(null)]
    [InlineData("Raspberry Pi Model B Rev 2")]
    public void AnUnsupportedBoardGetsAClearMessageAndTheDriverIsNeverStarted(string? model)
    {
        bool opened = false;
        var ex = Assert.Throws<HardwareUnavailableException>(() => Hub75Display.Open(new BoardInfo(model), 32, 32, 0, 1, openCanvas: () =>
        {
            opened = true;
            return new RecordingCanvas(32, 32);
        }));
        Assert.False(opened);
        Assert.Contains("Raspberry Pi 3, 4", ex.Message);
        Assert.Contains(model ?? "not a Raspberry Pi", ex.Message);
    }

    [Theory]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4", true)]
    [InlineData("Raspberry Pi 3 Model B Plus Rev 1.3", true)]
    [InlineData("Raspberry Pi Zero 2 W Rev 1.0", true)]
    [InlineData("Raspberry Pi Compute Module 4 Rev 1.0", true)]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0", false)]
    [InlineData("Raspberry Pi Zero W Rev 1.1", false)]
    public void SupportFollowsTheBoardFamily(string model, bool supported) =>
        Assert.Equal(supported, Hub75Display.IsSupported(new BoardInfo(model)));

    [Fact]
    public void TheDriversPlatformErrorBecomesHardwareUnavailable()
    {
        // On this x64 machine the real RGBLedMatrix refuses the platform: it must surface as exit-code-4 material.
        var ex = Assert.Throws<HardwareUnavailableException>(() => Hub75Display.Open(new BoardInfo("Raspberry Pi 4 Model B Rev 1.4"), 32, 32, 0, 1));
        Assert.IsType<PlatformNotSupportedException>(ex.InnerException);
    }
}
