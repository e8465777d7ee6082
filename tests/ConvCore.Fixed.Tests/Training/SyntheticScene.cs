namespace ConvCore.Fixed.Tests.Training;

/// <summary>
/// Deterministic, natural-looking 8-bit luminance images for training tests: a soft
/// illumination gradient, smooth blobs of many sizes (light and dark), fine grain, a few
/// straight edges slightly blurred as a lens would, and mild sensor noise. The same seed
/// gives the same image everywhere (System.Random with a seed is a fixed algorithm).
/// </summary>
internal static class SyntheticScene
{
    public static byte[] Create(int width, int height, int seed)
    {
        var rng = new Random(seed);
        var v = new double[width * height];
        double baseLevel = 0.35 + (0.3 * rng.NextDouble());
        double gx = (rng.NextDouble() - 0.5) * 0.3 / width;
        double gy = (rng.NextDouble() - 0.5) * 0.3 / height;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                v[(y * width) + x] = baseLevel + (gx * x) + (gy * y);
            }
        }

        int blobs = 10 + rng.Next(10);
        for (int i = 0; i < blobs; i++)
        {
            AddBlob(v, width, height, rng);
        }

        AddGrain(v, width, height, rng);

        int edges = 2 + rng.Next(3);
        for (int i = 0; i < edges; i++)
        {
            AddEdge(v, width, height, rng);
        }

        var pixels = new byte[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            double noise = (rng.NextDouble() - 0.5) * (6.0 / 255.0);
            pixels[i] = (byte)Math.Clamp(Math.Round((v[i] + noise) * 255), 0, 255);
        }

        return pixels;
    }

    /// <summary>A Gaussian bump, radius 1.5 to 12 pixels (log-uniform), lighter or darker.</summary>
    private static void AddBlob(double[] v, int width, int height, Random rng)
    {
        double cx = rng.NextDouble() * width;
        double cy = rng.NextDouble() * height;
        double sigma = 1.5 * Math.Pow(8, rng.NextDouble());
        double amplitude = (rng.NextDouble() < 0.5 ? -1 : 1) * (0.08 + (0.25 * rng.NextDouble()));
        double k = -1 / (2 * sigma * sigma);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double dx = x - cx, dy = y - cy;
                v[(y * width) + x] += amplitude * Math.Exp(k * ((dx * dx) + (dy * dy)));
            }
        }
    }

    /// <summary>
    /// Fine texture (gravel, foliage, film grain): a third of the pixels nudged up or down by
    /// up to 0.25. It gives the image energy at the highest spatial frequencies; without it the
    /// fine-detail directions of a 3x3 window are thousands of times flatter than the
    /// brightness one, and no kernel could be learned to 0.02 in a few hundred steps.
    /// </summary>
    private static void AddGrain(double[] v, int width, int height, Random rng)
    {
        int count = width * height / 3;
        for (int i = 0; i < count; i++)
        {
            int x = rng.Next(width), y = rng.Next(height);
            v[(y * width) + x] += (rng.NextDouble() - 0.5) * 0.5;
        }
    }

    /// <summary>A straight step edge at a random angle, softened over about a pixel.</summary>
    private static void AddEdge(double[] v, int width, int height, Random rng)
    {
        double angle = rng.NextDouble() * Math.PI;
        double nx = Math.Cos(angle), ny = Math.Sin(angle);
        double px = rng.NextDouble() * width, py = rng.NextDouble() * height;
        double step = (rng.NextDouble() < 0.5 ? -1 : 1) * (0.12 + (0.2 * rng.NextDouble()));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double d = ((x - px) * nx) + ((y - py) * ny);
                v[(y * width) + x] += step / (1 + Math.Exp(-2.5 * d));
            }
        }
    }
}
