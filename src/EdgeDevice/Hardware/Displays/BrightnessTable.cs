using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Scales 8-bit channel values by the brightness cap with one table lookup per channel
/// (round half up: value * cap + 0.5), so a cap of 1 changes nothing and 0 blacks out.
/// </summary>
public sealed class BrightnessTable
{
    private readonly byte[] _table = new byte[256];

    public BrightnessTable(double cap)
    {
        if (!double.IsFinite(cap) || cap < 0 || cap > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "The brightness cap must be between 0 and 1.");
        }

        Cap = cap;
        for (int v = 0; v < 256; v++)
        {
            _table[v] = (byte)Math.Min(255, (int)Math.Floor((v * cap) + 0.5));
        }
    }

    public double Cap { get; }

    public byte this[byte value] => _table[value];

    /// <summary>All three channels of <paramref name="color"/> through the table.</summary>
    public Rgb Scale(Rgb color) => new(_table[color.R], _table[color.G], _table[color.B]);

    /// <summary>The cap on a chip's 16-step global brightness register (MAX7219, HT16K33): 0..15.</summary>
    public static int ToSixteenSteps(double cap) => (int)Math.Round(cap * 15, MidpointRounding.AwayFromZero);
}
