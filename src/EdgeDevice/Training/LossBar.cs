using EdgeDevice.Display;

namespace EdgeDevice.Training;

/// <summary>
/// The training progress along the bottom row of the LEDs: the green share is how far the
/// loss has come from its first value toward the target on a log scale (losses fall by
/// orders of magnitude, so a linear bar would fill at once and then sit still).
/// </summary>
public static class LossBar
{
    public static readonly Rgb Done = new(0, 170, 0);
    public static readonly Rgb Remaining = new(48, 0, 0);

    /// <summary>0..1: log(first / loss) / log(first / target), clamped.</summary>
    public static double Progress(double firstLoss, double loss, double target)
    {
        if (!(loss > target) || !(firstLoss > target))
        {
            return loss <= target ? 1 : 0;
        }

        double span = Math.Log(firstLoss / Math.Max(target, double.Epsilon));
        double done = Math.Log(firstLoss / loss);
        return Math.Clamp(done / span, 0, 1);
    }

    /// <summary>Overwrites the bottom row: the first round(progress x width) LEDs green, the rest dim red.</summary>
    public static void Draw(LedFrame frame, double progress)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int lit = (int)Math.Round(Math.Clamp(progress, 0, 1) * frame.Width);
        int y = frame.Height - 1;
        for (int x = 0; x < frame.Width; x++)
        {
            frame[x, y] = x < lit ? Done : Remaining;
        }
    }
}
