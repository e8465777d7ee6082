namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// Compares two contenders' outputs once before timing, so a benchmark never reports the
/// speed of a wrong answer (or of an OpenCV call that quietly computed something else).
/// </summary>
public static class OutputCheck
{
    /// <summary>Throws unless every pixel differs by at most <paramref name="tolerance"/>.</summary>
    public static void Agree(string what, OutputFrame expected, Func<int, int, double> actual, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        long differing = 0;
        double worst = 0;
        for (int y = 0; y < expected.Height; y++)
        {
            for (int x = 0; x < expected.Width; x++)
            {
                double d = Math.Abs(expected[y, x] - actual(y, x));
                if (d > 0)
                {
                    differing++;
                    worst = Math.Max(worst, d);
                }
            }
        }

        if (worst > tolerance)
        {
            throw new InvalidOperationException(
                $"{what}: {differing} of {expected.Width * expected.Height} pixels differ, by up to {worst} (allowed {tolerance}).");
        }

        Console.WriteLine($"// check {what}: {differing} pixels differ (max {worst}, allowed {tolerance})");
    }
}
