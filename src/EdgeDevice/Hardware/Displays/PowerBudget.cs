using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Keeps a WS2812B/SK6812 frame within the supply's current: each colour channel draws about
/// 20 mA at full value (value / 255 x 20 mA), so a 16x16 panel at full white wants 15 A. When
/// the estimate is over the limit the whole frame is scaled down by one factor (hues and
/// contrast kept), rounding down so the result is never over.
/// </summary>
public sealed class PowerBudget
{
    public const double MilliampsPerChannel = 20;

    private readonly long _allowedChannelSum;

    /// <param name="limitMilliamps">The supply's budget in mA; 0 means no limit.</param>
    public PowerBudget(int limitMilliamps)
    {
        if (limitMilliamps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limitMilliamps), limitMilliamps, "The LED current limit must be 0 (none) or a positive number of mA.");
        }

        LimitMilliamps = limitMilliamps;
        // value/255 * 20 mA summed over channels <= limit  <=>  sum of values <= limit * 255 / 20.
        _allowedChannelSum = limitMilliamps == 0 ? long.MaxValue : (long)limitMilliamps * 255 / 20;
    }

    public int LimitMilliamps { get; }

    public static long ChannelSum(ReadOnlySpan<Rgb> pixels)
    {
        long sum = 0;
        foreach (Rgb p in pixels)
        {
            sum += p.R + p.G + p.B;
        }

        return sum;
    }

    public static double EstimateMilliamps(ReadOnlySpan<Rgb> pixels) => ChannelSum(pixels) * MilliampsPerChannel / 255.0;

    /// <summary>Scales the frame in place when it would draw more than the limit; true when it did.</summary>
    public bool Apply(Span<Rgb> pixels)
    {
        long sum = ChannelSum(pixels);
        if (sum <= _allowedChannelSum)
        {
            return false;
        }

        // Factor in Q16, rounded down: every scaled channel is <= value * allowed / sum.
        long factor = (_allowedChannelSum << 16) / sum;
        for (int i = 0; i < pixels.Length; i++)
        {
            Rgb p = pixels[i];
            pixels[i] = new Rgb((byte)((p.R * factor) >> 16), (byte)((p.G * factor) >> 16), (byte)((p.B * factor) >> 16));
        }

        return true;
    }
}
