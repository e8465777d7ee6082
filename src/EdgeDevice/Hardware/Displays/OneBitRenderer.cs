using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Decides on/off for each LED of a one-bit matrix, in viewer coordinates (so a dither pattern
/// stays steady whatever the mounting). Bayer thresholds are (16 m + 8) for the 4x4 index
/// matrix m, which spreads them evenly over 8..248: black stays dark, white lights every LED.
/// </summary>
public sealed class OneBitRenderer
{
    private static readonly byte[] BayerIndex = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

    private readonly MonoConversion _mode;
    private readonly byte _threshold;

    public OneBitRenderer(MonoConversion mode, int threshold = 128)
    {
        if (threshold is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The on/off threshold must be between 1 and 255.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown one-bit conversion.");
        }

        _mode = mode;
        _threshold = (byte)threshold;
    }

    public bool IsOn(Rgb color, int x, int y)
    {
        byte luma = Luma.Of(color);
        int limit = _mode == MonoConversion.Bayer ? (BayerIndex[((y & 3) * 4) + (x & 3)] * 16) + 8 : _threshold;
        return luma >= limit;
    }
}
