using System.Device.I2c;
using EdgeDevice.Display;
using Iot.Device.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// An HT16K33 backpack (I2C, default address 0x70): 8x8 or 16x8 one-bit, or 8x8 bicolour (a
/// channel at or above the threshold lights its LED; red + green shows yellow). The binding's
/// BufferingEnabled is inverted (false, the default, already buffers until Flush), so it is
/// left alone and each frame is written to the buffer and sent with one Flush: one 17-byte
/// write (address 0, then the 16 display RAM bytes). The brightness cap goes to the chip's
/// 16-step dimming register.
/// </summary>
public sealed class Ht16k33Display : BlankOnDisposeDisplay, IReinitializable
{
    public const int DefaultAddress = Ht16k33.DefaultI2cAddress;

    // HT16K33 datasheet commands: system setup (oscillator on), display setup (on, no blink), dimming.
    private const byte OscillatorOn = 0x21;
    private const byte DisplayOnNoBlink = 0x81;
    private const byte DimmingBase = 0xE0;

    private readonly I2cDevice _i2c;
    private readonly Ht16k33 _chip;
    private readonly Ht16k33Model _model;
    private readonly PanelMap _map;
    private readonly OneBitRenderer _mono;
    private readonly byte _threshold;

    public Ht16k33Display(I2cDevice i2c, Ht16k33Model model, int rotation = 0, double brightness = 1.0, MonoConversion conversion = MonoConversion.Threshold, int threshold = 128)
    {
        _i2c = i2c ?? throw new ArgumentNullException(nameof(i2c));
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown HT16K33 backpack.");
        }

        _model = model;
        _map = model == Ht16k33Model.Mono16x8 ? new PanelMap(16, 8, rotation) : new PanelMap(8, 8, rotation);
        _mono = new OneBitRenderer(conversion, threshold);
        _threshold = (byte)threshold;
        Intensity = BrightnessTable.ToSixteenSteps(new BrightnessTable(brightness).Cap);
        Capabilities = new DisplayCapabilities(
            _map.ViewerWidth,
            _map.ViewerHeight,
            model == Ht16k33Model.Bicolor8x8 ? ColorDepth.Rgb24 : ColorDepth.Mono1,
            rotation,
            brightness);

        // The binding's constructor turns the oscillator and the display on (an absent chip fails here).
        _chip = model switch
        {
            Ht16k33Model.Mono16x8 => new Matrix16x8(i2c),
            Ht16k33Model.Bicolor8x8 => new Matrix8x8Bicolor(i2c),
            _ => new Matrix8x8(i2c),
        };
        _chip.Brightness = (byte)Intensity;
        _chip.Clear();
        _chip.Flush();
    }

    public override string Name => field ??= $"ht16k33 {_map.PanelWidth}x{_map.PanelHeight}{(_model == Ht16k33Model.Bicolor8x8 ? " bicolour" : string.Empty)}";

    public override DisplayCapabilities Capabilities { get; }

    /// <summary>The dimming step sent to the chip, 0..15.</summary>
    public int Intensity { get; }

    public void Reinitialize()
    {
        _i2c.WriteByte(OscillatorOn);
        _i2c.WriteByte((byte)(DimmingBase | Intensity));
        _i2c.WriteByte(DisplayOnNoBlink);
    }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        _chip.Clear();
        Span<Rgb> pixels = frame.Pixels;
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        int width = _map.PanelWidth;
        for (int i = 0; i < pixels.Length; i++)
        {
            int p = toPanel[i];
            int px = p % width;
            int py = p / width;
            switch (_chip)
            {
                case Matrix8x8Bicolor bicolor:
                    LedColor color = ToBicolor(pixels[i], _threshold);
                    if (color != LedColor.Off)
                    {
                        bicolor[px, py] = color;
                    }

                    break;
                case Matrix16x8 wide when _mono.IsOn(pixels[i], i % frame.Width, i / frame.Width):
                    wide[px, py] = 1;
                    break;
                case Matrix8x8 square when _mono.IsOn(pixels[i], i % frame.Width, i / frame.Width):
                    square[px, py] = 1;
                    break;
            }
        }

        _chip.Flush();
    }

    public override void Blank()
    {
        _chip.Clear();
        _chip.Flush();
    }

    protected override void ReleaseHardware() => _chip.Dispose();

    /// <summary>Red and green LEDs each light when their channel reaches the threshold.</summary>
    public static LedColor ToBicolor(Rgb c, byte threshold) => (c.R >= threshold, c.G >= threshold) switch
    {
        (true, true) => LedColor.Yellow,
        (true, false) => LedColor.Red,
        (false, true) => LedColor.Green,
        _ => LedColor.Off,
    };
}
