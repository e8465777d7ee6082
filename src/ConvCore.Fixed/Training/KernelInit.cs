namespace ConvCore.Fixed.Training;

/// <summary>Starting weights for a student kernel (set-up only, so doubles are fine here).</summary>
public static class KernelInit
{
    public static double[] Zeros(int rows, int cols) => new double[Checked(rows, cols)];

    /// <summary>
    /// Uniform in [-scale, scale) from a generator seeded with <paramref name="seed"/>: the
    /// same seed gives the same kernel on every run and machine.
    /// </summary>
    public static double[] Uniform(int rows, int cols, int seed, double scale)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The init scale must be a positive finite number.");
        }

        var rng = new Random(seed);
        var w = new double[Checked(rows, cols)];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = ((rng.NextDouble() * 2) - 1) * scale;
        }

        return w;
    }

    private static int Checked(int rows, int cols)
    {
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "Kernel rows must be at least 1.");
        }

        if (cols < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "Kernel cols must be at least 1.");
        }

        return rows * cols;
    }
}
