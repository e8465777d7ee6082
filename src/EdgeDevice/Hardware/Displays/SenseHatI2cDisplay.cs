using System.Device.I2c;
using EdgeDevice.Display;
using Iot.Device.SenseHat;
using Color = System.Drawing.Color;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The Sense HAT's 8x8 RGB matrix through its microcontroller on I2C (address 0x46, bus 1).
/// A frame is one 193-byte write (register 0, then per row 8 red, 8 green, 8 blue values of 6
/// bits) via the binding's Write, never per-pixel writes. Use it when the "RPi-Sense FB" kernel
/// driver is not loaded; when it is, <see cref="SenseHatFramebufferDisplay"/> is the right one.
/// </summary>
public sealed class SenseHatI2cDisplay : BlankOnDisposeDisplay
{
    public const int Address = SenseHatLedMatrixI2c.I2cAddress;
    public const int DefaultBus = 1;

    private readonly SenseHatLedMatrixI2c _matrix;
    private readonly PanelMap _map;
    private readonly BrightnessTable _brightness;
    private readonly Color[] _colors = new Color[64];

    public SenseHatI2cDisplay(I2cDevice i2c, int rotation = 0, double brightness = 1.0)
    {
        ArgumentNullException.ThrowIfNull(i2c);
        _map = new PanelMap(8, 8, rotation);
        _brightness = new BrightnessTable(brightness);
        Capabilities = new DisplayCapabilities(8, 8, ColorDepth.Rgb24, rotation, brightness);
        // The binding's constructor blanks the matrix (one frame write): an absent HAT fails here.
        _matrix = new SenseHatLedMatrixI2c(i2c);
    }

    public override string Name => "sensehat 8x8 (i2c)";

    public override DisplayCapabilities Capabilities { get; }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        for (int i = 0; i < pixels.Length; i++)
        {
            Rgb p = _brightness.Scale(pixels[i]);
            _colors[toPanel[i]] = Color.FromArgb(p.R, p.G, p.B);
        }

        _matrix.Write(_colors);
    }

    public override void Blank() => _matrix.Fill(Color.Black);

    protected override void ReleaseHardware() => _matrix.Dispose();
}
