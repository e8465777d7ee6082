using System.Device.Spi;
using EdgeDevice.Display;
using Iot.Device.Max7219;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// A chain of MAX7219 8x8 one-bit matrices side by side (chip 0, nearest the Pi's DIN, on the
/// left), panel (8 x chips) x 8. On each chip digit register n drives row n and bit 7 the left
/// column (the common "FC-16" module wiring); other wirings are covered by the rotation.
/// The brightness cap goes to the chips' 16-step intensity register; a frame is the binding's
/// Flush: 8 SPI writes (one per digit register, each latching all chips at once), the fewest
/// the chip allows.
/// </summary>
public sealed class Max7219Display : BlankOnDisposeDisplay, IReinitializable
{
    /// <summary>The chip's clock limit is 10 MHz; the binding's constant says so.</summary>
    public const int SpiClockFrequency = Max7219.SpiClockFrequency;

    private readonly Max7219 _chips;
    private readonly PanelMap _map;
    private readonly OneBitRenderer _renderer;
    private readonly int _intensity;

    public Max7219Display(SpiDevice spi, int chainLength, int rotation = 0, double brightness = 1.0, MonoConversion conversion = MonoConversion.Threshold, int threshold = 128)
    {
        ArgumentNullException.ThrowIfNull(spi);
        if (chainLength is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(chainLength), chainLength, "A MAX7219 chain must have between 1 and 32 chips.");
        }

        _map = new PanelMap(8 * chainLength, 8, rotation);
        _renderer = new OneBitRenderer(conversion, threshold);
        _intensity = BrightnessTable.ToSixteenSteps(new BrightnessTable(brightness).Cap);
        ChainLength = chainLength;
        _chips = new Max7219(spi, chainLength, RotationType.None);
        Capabilities = new DisplayCapabilities(_map.ViewerWidth, _map.ViewerHeight, ColorDepth.Mono1, rotation, brightness);
        Reinitialize();
    }

    public override string Name => field ??= $"max7219 {_map.PanelWidth}x{_map.PanelHeight}";

    public override DisplayCapabilities Capabilities { get; }

    public int ChainLength { get; }

    /// <summary>Creates the SPI settings this display needs on bus/chip select: mode 0 at 10 MHz.</summary>
    public static SpiConnectionSettings SpiSettings(int busId, int chipSelect) => new(busId, chipSelect)
    {
        ClockFrequency = SpiClockFrequency,
        Mode = Max7219.SpiMode,
    };

    /// <summary>Scan all 8 rows, no BCD decode, test off, leave shutdown, intensity, all dark.</summary>
    public void Reinitialize()
    {
        _chips.Init();
        _chips.Brightness(_intensity);
    }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        int width = _map.PanelWidth;
        _chips.ClearAll(flush: false);
        for (int i = 0; i < pixels.Length; i++)
        {
            if (!_renderer.IsOn(pixels[i], i % frame.Width, i / frame.Width))
            {
                continue;
            }

            int p = toPanel[i];
            int px = p % width;
            int row = p / width;
            int chip = px >> 3;
            _chips[chip, row] = (byte)(_chips[chip, row] | (0x80 >> (px & 7)));
        }

        _chips.Flush();
    }

    public override void Blank() => _chips.ClearAll(flush: true);

    protected override void ReleaseHardware() => _chips.Dispose();
}
