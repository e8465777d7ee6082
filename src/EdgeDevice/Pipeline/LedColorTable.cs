using EdgeDevice.Display;

namespace EdgeDevice.Pipeline;

/// <summary>
/// Intensity (0..255, after gain) to LED colour for one map, with gamma and the brightness
/// cap folded in: a table built once, so the frame loop only indexes.
/// </summary>
/// <remarks>
/// Gamma is applied per channel after the ramp: LEDs emit light linear in their PWM duty,
/// so a channel value c is sent as 255 x brightness x (c / 255)^gamma. Mono1 displays get
/// full brightness at intensity 128 and above, nothing below.
/// </remarks>
internal sealed class LedColorTable
{
    // Positive values' colours at [0, 256), negative values' at [256, 512): one table, so the
    // sign selects a half by an offset instead of a branch.
    private readonly Rgb[] _bySign = new Rgb[512];

    public LedColorTable(MapMode map, ColorDepth depth, double gamma, double brightness)
    {
        if (map == MapMode.Auto)
        {
            throw new ArgumentException("A colour table needs a resolved map (Signed or Magnitude), not Auto.", nameof(map));
        }

        byte[] curve = BuildCurve(gamma, brightness);
        for (int i = 0; i < 256; i++)
        {
            (Rgb pos, Rgb neg) = depth switch
            {
                ColorDepth.Mono1 => (ColorRamp.Gray(i >= 128 ? 255 : 0), ColorRamp.Gray(i >= 128 ? 255 : 0)),
                ColorDepth.Gray8 => (ColorRamp.Gray(i), ColorRamp.Gray(i)),
                _ when map == MapMode.Signed => (ColorRamp.Positive(i), ColorRamp.Negative(i)),
                _ => (ColorRamp.Magnitude(i), ColorRamp.Magnitude(i)),
            };
            _bySign[i] = Apply(curve, pos);
            _bySign[256 + i] = Apply(curve, neg);
        }
    }

    /// <summary>The colour of a value with this intensity and sign (zero counts as positive).</summary>
    public Rgb this[int intensity, bool negative] => _bySign[negative ? 256 + intensity : intensity];

    /// <summary>
    /// The same colour from a sign mask (v &gt;&gt; 31: -1 for negative values, 0 otherwise), as one
    /// load without a branch: the signs of a feature map are random, so a branch would often miss.
    /// </summary>
    public Rgb BySignMask(int intensity, int signMask) => _bySign[intensity + (signMask & 256)];

    /// <summary>out(c) = round(255 x brightness x (c / 255)^gamma); out(0) = 0 whatever the settings.</summary>
    internal static byte[] BuildCurve(double gamma, double brightness)
    {
        var curve = new byte[256];
        for (int c = 1; c < 256; c++)
        {
            double v = 255.0 * brightness * Math.Pow(c / 255.0, gamma);
            curve[c] = (byte)Math.Clamp(Math.Round(v, MidpointRounding.ToEven), 0, 255);
        }

        return curve;
    }

    private static Rgb Apply(byte[] curve, Rgb c) => new(curve[c.R], curve[c.G], curve[c.B]);
}
