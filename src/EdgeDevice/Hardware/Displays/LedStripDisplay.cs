using System.Device.Spi;
using EdgeDevice.Cli;
using EdgeDevice.Display;
using Iot.Device.Ws28xx;
using Color = System.Drawing.Color;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// A WS2812B or SK6812 panel of any size on SPI MOSI. The frame is mapped through the rotation
/// and the wiring order (row-major or serpentine), capped in brightness, scaled to the power
/// budget and sent as one SPI write (the binding's Update: 9 or 12 bytes per LED plus a 30-byte
/// reset). The whole frame must fit spidev's buffer; a panel that does not is refused at
/// start-up with the fix.
/// </summary>
public sealed class LedStripDisplay : BlankOnDisposeDisplay
{
    /// <summary>3 SPI bits per data bit at 2.4 MHz gives the 0.42 / 0.83 us pulses the LEDs expect.</summary>
    public const int SpiClockFrequency = 2_400_000;

    /// <summary>The binding appends 30 zero bytes (100 us at 2.4 MHz) as the latch/reset gap.</summary>
    public const int ResetBytes = 30;

    private readonly SpiDevice _spi;
    private readonly Ws28xx _strip;
    private readonly LedStripChip _chip;
    private readonly PanelMap _map;
    private readonly int[] _toStrip;
    private readonly BrightnessTable _brightness;
    private readonly PowerBudget _budget;
    private readonly Rgb[] _wire;

    public LedStripDisplay(
        SpiDevice spi,
        int panelWidth,
        int panelHeight,
        LedStripChip chip = LedStripChip.Ws2812b,
        WiringOrder order = WiringOrder.RowMajor,
        int rotation = 0,
        double brightness = 1.0,
        int maxCurrentMilliamps = 0,
        int spiBufferSize = SpiBufferSize.Default)
    {
        _spi = spi ?? throw new ArgumentNullException(nameof(spi));
        if (spi.ConnectionSettings.ClockFrequency != SpiClockFrequency)
        {
            throw new ArgumentException(
                $"The SPI device runs at {spi.ConnectionSettings.ClockFrequency} Hz; {chip} timing needs exactly {SpiClockFrequency} Hz (use LedStripDisplay.SpiSettings).",
                nameof(spi));
        }

        _map = new PanelMap(panelWidth, panelHeight, rotation);
        _chip = chip;
        int needed = FrameBytes(chip, _map.Count);
        if (needed > spiBufferSize)
        {
            throw new HardwareUnavailableException(
                $"A {panelWidth}x{panelHeight} {chip} panel needs {needed} bytes in one SPI write ({BytesPerLed(chip)} per LED + {ResetBytes} reset), " +
                $"but spidev's buffer is {spiBufferSize} bytes ({SpiBufferSize.ParameterPath}): {SpiBufferSize.RaiseHint}.");
        }

        _toStrip = StripIndex.Table(_map, order);
        _brightness = new BrightnessTable(brightness);
        _budget = new PowerBudget(maxCurrentMilliamps);
        _wire = new Rgb[_map.Count];
        _strip = chip == LedStripChip.Sk6812 ? new Sk6812(spi, _map.Count, 1) : new Ws2812b(spi, _map.Count, 1);
        Order = order;
        Capabilities = new DisplayCapabilities(_map.ViewerWidth, _map.ViewerHeight, ColorDepth.Rgb24, rotation, brightness);
    }

    public override string Name => field ??= $"{(_chip == LedStripChip.Sk6812 ? "sk6812" : "ws2812b")} {_map.PanelWidth}x{_map.PanelHeight}";

    public override DisplayCapabilities Capabilities { get; }

    public WiringOrder Order { get; }

    /// <summary>True when the last frame was dimmed to stay within the current limit.</summary>
    public bool LastFrameLimited { get; private set; }

    public static int BytesPerLed(LedStripChip chip) => chip == LedStripChip.Sk6812 ? 12 : 9;

    public static int FrameBytes(LedStripChip chip, int ledCount) => (ledCount * BytesPerLed(chip)) + ResetBytes;

    /// <summary>The SPI settings the LEDs need: mode 0 at exactly 2.4 MHz (the default 500 kHz gives garbage).</summary>
    public static SpiConnectionSettings SpiSettings(int busId, int chipSelect) => new(busId, chipSelect)
    {
        ClockFrequency = SpiClockFrequency,
        Mode = SpiMode.Mode0,
    };

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            _wire[_toStrip[i]] = _brightness.Scale(pixels[i]);
        }

        LastFrameLimited = _budget.Apply(_wire);
        Send();
    }

    public override void Blank()
    {
        Array.Clear(_wire);
        Send();
    }

    // Ws28xx has no Dispose of its own; the bus is ours to release.
    protected override void ReleaseHardware() => _spi.Dispose();

    private void Send()
    {
        var image = _strip.Image;
        for (int i = 0; i < _wire.Length; i++)
        {
            Rgb p = _wire[i];
            // Alpha is the SK6812's white LED: kept off so colours stay what the pipeline chose.
            image.SetPixel(i, 0, Color.FromArgb(0, p.R, p.G, p.B));
        }

        _strip.Update();
    }
}
