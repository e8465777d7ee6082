using ConvCore.Fixed.Planes;

namespace EdgeDevice.Sources;

/// <summary>
/// A test picture that needs no camera or file: vertical bars drifting right in the top half,
/// horizontal bars drifting down in the bottom half, a bright rectangle and a dark disc
/// bouncing across both. It has strong edges in both directions and moves every frame.
/// Frame n is a pure function of n and the plane size.
/// </summary>
public static class SyntheticPattern
{
    private const byte VerticalBarLight = 190;
    private const byte VerticalBarDark = 70;
    private const byte HorizontalBarLight = 170;
    private const byte HorizontalBarDark = 50;
    private const byte RectangleValue = 240;
    private const byte DiscValue = 15;

    /// <summary>Draws frame <paramref name="frameIndex"/> (0 or more) into <paramref name="into"/>; allocates nothing.</summary>
    public static void Render(long frameIndex, Plane<byte> into)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        int width = into.Width;
        int height = into.Height;
        int split = height / 2;

        // Top: vertical bars, 2 px per frame to the right.
        int verticalPeriod = Math.Max(4, width / 8);
        int verticalShift = (int)((2 * frameIndex) % verticalPeriod);
        for (int y = 0; y < split; y++)
        {
            Span<byte> row = into.Row(y);
            for (int x = 0; x < width; x++)
            {
                int phase = (x - verticalShift + verticalPeriod) % verticalPeriod;
                row[x] = phase < verticalPeriod / 2 ? VerticalBarLight : VerticalBarDark;
            }
        }

        // Bottom: horizontal bars, 1 px per frame downwards.
        int horizontalPeriod = Math.Max(4, height / 6);
        int horizontalShift = (int)(frameIndex % horizontalPeriod);
        for (int y = split; y < height; y++)
        {
            int phase = (y - horizontalShift + horizontalPeriod) % horizontalPeriod;
            into.Row(y).Fill(phase < horizontalPeriod / 2 ? HorizontalBarLight : HorizontalBarDark);
        }

        // A rectangle bouncing diagonally.
        int rectangleWidth = Math.Max(2, width / 5);
        int rectangleHeight = Math.Max(2, height / 4);
        int left = Bounce(3 * frameIndex, width - rectangleWidth);
        int top = Bounce(frameIndex + (height / 3), height - rectangleHeight);
        for (int y = top; y < Math.Min(height, top + rectangleHeight); y++)
        {
            Span<byte> row = into.Row(y);
            row.Slice(left, Math.Min(rectangleWidth, width - left)).Fill(RectangleValue);
        }

        // A disc on a different bounce, so the two overlap only now and then.
        int radius = Math.Max(1, Math.Min(width, height) / 8);
        int centreX = radius + Bounce((2 * frameIndex) + (width / 2), width - (2 * radius));
        int centreY = radius + Bounce((3 * frameIndex) + (height / 5), height - (2 * radius));
        int radiusSquared = radius * radius;
        for (int y = Math.Max(0, centreY - radius); y <= Math.Min(height - 1, centreY + radius); y++)
        {
            Span<byte> row = into.Row(y);
            int dy = y - centreY;
            for (int x = Math.Max(0, centreX - radius); x <= Math.Min(width - 1, centreX + radius); x++)
            {
                int dx = x - centreX;
                if ((dx * dx) + (dy * dy) <= radiusSquared)
                {
                    row[x] = DiscValue;
                }
            }
        }
    }

    // A triangle wave 0, 1, ..., span, span - 1, ..., 0, ...: position of something bouncing
    // between two walls span pixels apart.
    private static int Bounce(long t, int span)
    {
        if (span <= 0)
        {
            return 0;
        }

        long m = t % (2L * span);
        return (int)(m <= span ? m : (2L * span) - m);
    }
}
