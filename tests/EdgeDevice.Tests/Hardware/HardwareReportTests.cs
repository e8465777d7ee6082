using EdgeDevice.Hardware.Board;
using EdgeDevice.Platform;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware;

public sealed class HardwareReportTests : IDisposable
{
    private readonly TempFolder _t = new();

    public HardwareReportTests() => Directory.CreateDirectory(_t.File("dev"));

    public void Dispose() => _t.Dispose();

    [Fact]
    public void OnAPiWithoutBusesEveryMatrixGetsTheExactFix()
    {
        var facts = HardwareReport.Collect(Env("Raspberry Pi 4 Model B Rev 1.4"));
        Assert.Equal(
            "SPI is disabled: run `sudo raspi-config nonint do_spi 0` or add `dtparam=spi=on` to /boot/firmware/config.txt, then reboot",
            Fact(facts, "max7219").Detail);
        Assert.False(Fact(facts, "ws2812b/sk6812").Usable);
        Assert.Equal(
            "I2C is disabled: run `sudo raspi-config nonint do_i2c 0` or add `dtparam=i2c_arm=on` to /boot/firmware/config.txt, then reboot",
            Fact(facts, "ht16k33").Detail);
        Assert.True(Fact(facts, "hub75").Usable);
        Assert.Contains("apt install rpicam-apps", Fact(facts, "picamera").Detail);
        Assert.Contains("v4l2-ctl --list-devices", Fact(facts, "usb camera").Detail);
    }

    [Fact]
    public void PermissionDeniedOnSpidevSaysToJoinTheSpiGroup()
    {
        string node = _t.Write("dev/spidev0.0", string.Empty);
        _t.Write("dev/i2c-1", string.Empty);
        var facts = HardwareReport.Collect(Env("Raspberry Pi 5 Model B Rev 1.0", canOpen: n => n != node));
        Assert.Equal($"permission denied on {node}: add the user to the spi group (`sudo usermod -aG spi $USER`, then log in again)", Fact(facts, "max7219").Detail);
        Assert.True(Fact(facts, "ht16k33").Usable);
        Assert.Contains("0x70", Fact(facts, "ht16k33").Detail);
        Assert.False(Fact(facts, "hub75").Usable);
        Assert.Contains("libgpiod v2", Fact(facts, "gpio button").Detail);
    }

    [Fact]
    public void ReadySpiReportsTheLedCountTheSpidevBufferAllows()
    {
        _t.Write("dev/spidev0.0", string.Empty);
        var facts = HardwareReport.Collect(Env("Raspberry Pi 4 Model B Rev 1.4") with { SpiBufsizPath = _t.Write("bufsiz", "4096") });
        // (4096 - 30) / 9 = 451 LEDs.
        Assert.Contains("up to 451 WS2812B LEDs", Fact(facts, "ws2812b/sk6812").Detail);
        Assert.True(Fact(facts, "max7219").Usable);
    }

    [Fact]
    public void ASenseHatFramebufferIsTheDefaultDisplay()
    {
        _t.Write("sys/fb1/name", "RPi-Sense FB\n");
        _t.Write("dev/fb1", string.Empty);
        var fact = Fact(HardwareReport.Collect(Env("Raspberry Pi 4 Model B Rev 1.4")), "sensehat");
        Assert.True(fact.Usable);
        Assert.Contains("fb1", fact.Detail);
    }

    [Fact]
    public void OffAPiTheMatricesAreSimulatedAndTheButtonIsTheKeyboard()
    {
        var facts = HardwareReport.Collect(Env(null));
        Assert.Contains("simulated", Fact(facts, "led matrices").Detail);
        Assert.DoesNotContain(facts, f => f.Name == "max7219");
        Assert.DoesNotContain(facts, f => f.Name == "picamera");
        Assert.Equal("usb camera      missing: none found: plug in a UVC webcam (`v4l2-ctl --list-devices` lists cameras)", Fact(facts, "usb camera").ToString());
    }

    private static HardwareFact Fact(IReadOnlyList<HardwareFact> facts, string name) => Assert.Single(facts, f => f.Name == name);

    private HardwareEnvironment Env(string? board, Func<string, bool>? canOpen = null) => new()
    {
        Board = new BoardInfo(board),
        Buses = new BusAccess(_t.File("dev"), canOpen: canOpen ?? (_ => true)),
        SysClassGraphics = _t.File("sys"),
        SysClassVideo = _t.File("video4linux"),
        HatProductPath = _t.File("no-hat"),
        SpiBufsizPath = _t.File("no-bufsiz"),
        SearchPath = _t.File("no-path"),
    };
}
