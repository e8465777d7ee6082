using System.Device.I2c;
using EdgeDevice.Display;
using Iot.Device.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// An IS31FL3731 charlieplexed matrix (I2C, 8-bit PWM per LED, so real grey levels): the Adafruit
/// 16x8 bonnet and 16x9 backpack, the Pimoroni 11x7 breakout and 17x7 Scroll pHAT HD, chosen by
/// size. The binding sets the chip up (reset, picture mode, all LEDs enabled) and supplies each
/// board's LED addressing; the frame itself is written here as 2 writes: select frame page 0
/// (0xFD 0x00), then register 0x24 followed by all 144 PWM bytes. The binding's WriteAllPixels
/// is not used because in 4.2.0 it offsets the block by the address of LED (0, 0), which is not
/// 0 on the bonnet, breakout and Scroll pHAT (checked: on a Bonnet16x8 it writes from 0x3B).
/// </summary>
public sealed class Is31fl3731Display : BlankOnDisposeDisplay, IReinitializable
{
    public const int DefaultAddress = 0x74;

    // Datasheet: command register 0xFD selects a page; frame page 0 holds LED control at
    // 0x00..0x11, blink at 0x12..0x23 and PWM at 0x24..0xB3 (144 LEDs).
    private const byte CommandRegister = 0xFD;
    private const byte PwmRegister = 0x24;
    private const int LedCount = 144;

    private readonly I2cDevice _i2c;
    private readonly Is31fl3731 _chip;
    private readonly PanelMap _map;
    private readonly int[] _toRegister;
    private readonly BrightnessTable _brightness;
    private readonly byte[] _selectFrame = [CommandRegister, 0x00];
    private readonly byte[] _pwm = new byte[1 + LedCount];

    public Is31fl3731Display(I2cDevice i2c, int panelWidth, int panelHeight, int rotation = 0, double brightness = 1.0)
    {
        _i2c = i2c ?? throw new ArgumentNullException(nameof(i2c));
        _chip = (panelWidth, panelHeight) switch
        {
            (16, 8) => new Bonnet16x8(i2c),
            (16, 9) => new Backpack16x9(i2c),
            (11, 7) => new Breakout11x7(i2c),
            (17, 7) => new ScrollPhat17x7(i2c),
            _ => throw new ArgumentException(
                $"No IS31FL3731 board is {panelWidth}x{panelHeight}; the supported ones are 16x8 (Adafruit bonnet), 16x9 (Adafruit backpack), 11x7 (Pimoroni breakout) and 17x7 (Scroll pHAT HD).",
                nameof(panelWidth)),
        };
        _map = new PanelMap(panelWidth, panelHeight, rotation);
        _brightness = new BrightnessTable(brightness);
        _toRegister = new int[_map.Count];
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        for (int i = 0; i < _toRegister.Length; i++)
        {
            int p = toPanel[i];
            _toRegister[i] = _chip.GetLedAddress(p % panelWidth, p / panelWidth);
        }

        _pwm[0] = PwmRegister;
        Capabilities = new DisplayCapabilities(_map.ViewerWidth, _map.ViewerHeight, ColorDepth.Gray8, rotation, brightness);
        Reinitialize();
        Blank();
    }

    public override string Name => field ??= $"is31fl3731 {_map.PanelWidth}x{_map.PanelHeight}";

    public override DisplayCapabilities Capabilities { get; }

    /// <summary>Reset, picture mode on frame 0, every LED enabled (they power up disabled).</summary>
    public void Reinitialize()
    {
        _chip.Initialize();
        _chip.EnableAllLeds(0);
    }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            _pwm[1 + _toRegister[i]] = _brightness[Luma.Of(pixels[i])];
        }

        Send();
    }

    public override void Blank()
    {
        Array.Clear(_pwm, 1, LedCount);
        Send();
    }

    // Is31fl3731 is not IDisposable: the bus is ours to release.
    protected override void ReleaseHardware() => _i2c.Dispose();

    private void Send()
    {
        // Page select every frame: the chip keeps the last page, and Reinitialize leaves page 0
        // only by the binding's habit.
        _i2c.Write(_selectFrame);
        _i2c.Write(_pwm);
    }
}
