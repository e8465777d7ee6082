using EdgeDevice.Display;

namespace EdgeDevice.Pipeline;

/// <summary>
/// The colours of the two maps before gamma: shared by the LED colour tables and by the
/// pictures, so the feature-map panel and the LEDs agree.
/// </summary>
public static class ColorRamp
{
    /// <summary>The middle of the magnitude ramp.</summary>
    public static readonly Rgb Orange = new(255, 140, 0);

    /// <summary>Signed map: positive values in red, intensity 0..255.</summary>
    public static Rgb Positive(int intensity) => new(ToByte(intensity), 0, 0);

    /// <summary>Signed map: negative values in blue, intensity 0..255 (of |v|).</summary>
    public static Rgb Negative(int intensity) => new(0, 0, ToByte(intensity));

    /// <summary>
    /// Magnitude map: black at 0, orange at 128, white at 255, linear in between (integer,
    /// rounded half up: display colours need no tie rule beyond being deterministic).
    /// </summary>
    public static Rgb Magnitude(int intensity)
    {
        int i = Math.Clamp(intensity, 0, 255);
        if (i <= 128)
        {
            return new Rgb(Lerp(0, Orange.R, i, 128), Lerp(0, Orange.G, i, 128), Lerp(0, Orange.B, i, 128));
        }

        int t = i - 128;
        return new Rgb(Lerp(Orange.R, 255, t, 127), Lerp(Orange.G, 255, t, 127), Lerp(Orange.B, 255, t, 127));
    }

    /// <summary>Greyscale (for Gray8 and Mono1 displays, which cannot show hue).</summary>
    public static Rgb Gray(int intensity)
    {
        byte b = ToByte(intensity);
        return new Rgb(b, b, b);
    }

    private static byte Lerp(int from, int to, int t, int span) =>
        (byte)(from + ((((to - from) * t) + (span / 2)) / span));

    private static byte ToByte(int intensity) => (byte)Math.Clamp(intensity, 0, 255);
}
