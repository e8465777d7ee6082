using System.Device.I2c;
using System.Device.Spi;
using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Platform;
using EdgeDevice.Settings;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware;

public sealed class HardwareDisplaysTests : IDisposable
{
    private readonly TempFolder _t = new();
    private readonly List<SpiConnectionSettings> _spiOpened = [];
    private readonly List<I2cConnectionSettings> _i2cOpened = [];
    private readonly List<RecordingSpiDevice> _spiDevices = [];
    private readonly List<RecordingI2cDevice> _i2cDevices = [];

    public HardwareDisplaysTests() => Directory.CreateDirectory(_t.File("dev"));

    public void Dispose() => _t.Dispose();

    private int NacksForNewI2c { get; set; }

    private HashSet<string> Forbidden { get; } = [];

    [Fact]
    public void OffAPiAConfiguredMatrixIsHardwareUnavailable()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("max7219", 8, 8, board: null));
        Assert.Contains("not a Raspberry Pi", ex.Message);
        Assert.Contains("Display:Kind=terminal", ex.Message);
    }

    [Fact]
    public void WithoutSpiTheFixIsTheRaspiConfigCommand()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("max7219", 32, 8));
        Assert.Contains("SPI is disabled: run `sudo raspi-config nonint do_spi 0` or add `dtparam=spi=on` to /boot/firmware/config.txt", ex.Message);
        Assert.Empty(_spiOpened);
    }

    [Fact]
    public void PermissionDeniedOnSpidevNamesTheGroup()
    {
        _t.Write("dev/spidev0.0", string.Empty);
        Forbidden.Add(_t.File("dev/spidev0.0"));
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("ws2812b", 8, 8));
        Assert.Contains($"permission denied on {_t.File("dev/spidev0.0")}: add the user to the spi group", ex.Message);
    }

    [Fact]
    public void AMissingChipSelectListsWhatExists()
    {
        _t.Write("dev/spidev0.0", string.Empty);
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("max7219", 8, 8, hw: new HardwareDisplayOptions { ChipSelect = 1 }));
        Assert.Contains("spidev0.1 does not exist", ex.Message);
        Assert.Contains("spidev0.0", ex.Message);
    }

    [Fact]
    public void Max7219IsAChainOfWidthOverEightAtTenMegahertz()
    {
        _t.Write("dev/spidev0.0", string.Empty);
        using IDisplay display = Create("max7219", 32, 8);
        Assert.IsType<ResilientDisplay>(display);
        Assert.Equal((32, 8), (display.Capabilities.Width, display.Capabilities.Height));
        Assert.Equal(10_000_000, Assert.Single(_spiOpened).ClockFrequency);
        Assert.Equal(new byte[] { 0x0B, 0x07, 0x0B, 0x07, 0x0B, 0x07, 0x0B, 0x07 }, _spiDevices[0].Writes[0]);
    }

    [Fact]
    public void Ws2812bIsOpenedAtTwoPointFourMegahertzWithTheConfiguredLayout()
    {
        _t.Write("dev/spidev0.1", string.Empty);
        using IDisplay display = Create("ws2812b", 3, 2, hw: new HardwareDisplayOptions { ChipSelect = 1, Layout = "serpentine" });
        SpiConnectionSettings s = Assert.Single(_spiOpened);
        Assert.Equal(2_400_000, s.ClockFrequency);
        Assert.Equal(1, s.ChipSelectLine);
        var frame = new LedFrame(3, 2);
        frame[0, 1] = new Rgb(255, 0, 0);
        display.Show(frame);
        // Serpentine: viewer (0, 1) is the last LED on the strip.
        var leds = Ws2812Wire.Decode(_spiDevices[0].Writes[0], 6, 3);
        Assert.Equal(new Rgb(255, 0, 0), leds[5].Color);
    }

    [Fact]
    public void APanelBeyondTheSpidevBufferIsRefusedWithTheFixAndTheBusIsReleased()
    {
        _t.Write("dev/spidev0.0", string.Empty);
        string bufsiz = _t.Write("bufsiz", "4096\n");
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("ws2812b", 32, 16, bufsiz: bufsiz));
        Assert.Contains("spidev.bufsiz=65536", ex.Message);
        Assert.True(Assert.Single(_spiDevices).Disposed);
        _t.Write("bufsiz", "65536\n");
        using IDisplay ok = Create("ws2812b", 32, 16, bufsiz: bufsiz);
        Assert.Equal(32, ok.Capabilities.Width);
    }

    [Fact]
    public void AnI2cBackpackThatDoesNotAnswerIsAbsentWithTheI2cdetectHint()
    {
        _t.Write("dev/i2c-1", string.Empty);
        NacksForNewI2c = -1;
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("ht16k33", 16, 8, hw: new HardwareDisplayOptions { Address = "0x71" }));
        Assert.Contains("0x71", ex.Message);
        Assert.Contains("i2cdetect -y 1", ex.Message);
        Assert.True(Assert.Single(_i2cDevices).Disposed);
    }

    [Fact]
    public void WithoutI2cTheFixIsTheRaspiConfigCommand()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("is31fl3731", 16, 9));
        Assert.Contains("sudo raspi-config nonint do_i2c 0", ex.Message);
    }

    [Fact]
    public void SenseHatUsesTheFramebufferWhenItsDriverIsLoaded()
    {
        _t.Write("sys/fb0/name", "RPi-Sense FB\n");
        string fb = _t.Write("dev/fb0", string.Empty);
        using IDisplay display = Create("sensehat", 8, 8);
        var frame = new LedFrame(8, 8);
        frame[0, 0] = new Rgb(255, 0, 0);
        display.Show(frame);
        Assert.Equal(new byte[] { 0x00, 0xF8 }, File.ReadAllBytes(fb)[..2]);
        Assert.Empty(_i2cOpened);
    }

    [Fact]
    public void SenseHatFallsBackToI2cAtAddress0x46OnBus1()
    {
        _t.Write("dev/i2c-1", string.Empty);
        using IDisplay display = Create("sensehat", 8, 8);
        I2cConnectionSettings s = Assert.Single(_i2cOpened);
        Assert.Equal((1, 0x46), (s.BusId, s.DeviceAddress));
        Assert.Equal(193, _i2cDevices[0].Writes[0].Length);
    }

    [Fact]
    public void TheSenseHatFramebufferKindWithoutTheDriverSaysWhichOverlayToAdd()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("sensehat-fb", 8, 8));
        Assert.Contains("dtoverlay=rpi-sense", ex.Message);
    }

    [Fact]
    public void Hub75OnAPi5IsHardwareUnavailable()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => Create("hub75", 32, 32, board: "Raspberry Pi 5 Model B Rev 1.0"));
        Assert.Contains("Raspberry Pi 5", ex.Message);
    }

    [Theory]
    [InlineData("sensehat", 16, 8, "8x8")]
    [InlineData("max7219", 12, 8, "(8 x chips) x 8")]
    [InlineData("is31fl3731", 8, 8, "16x9")]
    public void SizesThatDoNotExistAreUserErrors(string kind, int w, int h, string expected)
    {
        var ex = Assert.Throws<UserInputException>(() => Create(kind, w, h));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void BadExtraSettingsAreNamed()
    {
        var display = new DisplayOptions { Kind = "ws2812b", Width = 8, Height = 8 };
        var problems = new HardwareDisplayOptions { Layout = "spiral", Address = "0x99", Conversion = "fancy", MaxCurrentMilliamps = -1 }.Validate(display).ToList();
        Assert.Contains(problems, p => p.StartsWith("Display:Layout is 'spiral'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Display:Address is '0x99'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Display:Conversion is 'fancy'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Display:MaxCurrentMilliamps is -1", StringComparison.Ordinal));
        Assert.Empty(new HardwareDisplayOptions().Validate(new DisplayOptions { Kind = "terminal", Width = 13 }));
    }

    [Fact]
    public void AutoPicksTheSenseHatFromItsEepromOnlyOnAPi()
    {
        string product = _t.Write("hat/product", "Sense HAT\0");
        Assert.Equal("sensehat", HardwareDisplays.Detect(Env("Raspberry Pi 4 Model B Rev 1.4") with { HatProductPath = product }));
        Assert.Null(HardwareDisplays.Detect(Env(null) with { HatProductPath = product }));
        Assert.Null(HardwareDisplays.Detect(Env("Raspberry Pi 4 Model B Rev 1.4")));
    }

    private IDisplay Create(string kind, int width, int height, HardwareDisplayOptions? hw = null, string? board = "Raspberry Pi 4 Model B Rev 1.4", string? bufsiz = null)
    {
        var display = new DisplayOptions { Kind = kind, Width = width, Height = height };
        HardwareEnvironment env = Env(board);
        if (bufsiz is not null)
        {
            env = env with { SpiBufsizPath = bufsiz };
        }

        return HardwareDisplays.Create(display, hw ?? new HardwareDisplayOptions(), env);
    }

    private HardwareEnvironment Env(string? board) => new()
    {
        Board = new BoardInfo(board),
        Buses = new BusAccess(
            _t.File("dev"),
            s =>
            {
                _spiOpened.Add(s);
                var d = new RecordingSpiDevice(s);
                _spiDevices.Add(d);
                return d;
            },
            s =>
            {
                _i2cOpened.Add(s);
                var d = new RecordingI2cDevice(s.DeviceAddress, s.BusId) { NacksToCome = NacksForNewI2c };
                _i2cDevices.Add(d);
                return d;
            },
            node => !Forbidden.Contains(node)),
        SysClassGraphics = _t.File("sys"),
        HatProductPath = _t.File("hat/none"),
        SpiBufsizPath = _t.File("no-bufsiz"),
    };
}
