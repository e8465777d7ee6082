namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// A seeded 8-bit test frame: smooth shading, a few hard-edged rectangles and a little noise,
/// so edge kernels see both flat areas and edges (and no path can win on all-zero input).
/// </summary>
public static class SyntheticScene
{
    public const int DefaultSeed = 6_2_2024;

    public static void Render(Span<byte> pixels, FrameSize size, int stride, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var rectangles = new (int X, int Y, int W, int H, int Shade)[12];
        for (int i = 0; i < rectangles.Length; i++)
        {
            int w = random.Next(size.Width / 16, size.Width / 3);
            int h = random.Next(size.Height / 16, size.Height / 3);
            rectangles[i] = (random.Next(0, size.Width - w), random.Next(0, size.Height - h), w, h, random.Next(-90, 90));
        }

        for (int y = 0; y < size.Height; y++)
        {
            Span<byte> row = pixels.Slice(y * stride, size.Width);
            for (int x = 0; x < size.Width; x++)
            {
                double shade = 128
                    + (50 * Math.Sin(x * 2 * Math.PI / size.Width))
                    + (30 * Math.Cos(y * 3 * Math.PI / size.Height));
                foreach (var r in rectangles)
                {
                    if (x >= r.X && x < r.X + r.W && y >= r.Y && y < r.Y + r.H)
                    {
                        shade += r.Shade;
                    }
                }

                shade += random.Next(-6, 7);
                row[x] = (byte)Math.Clamp((int)Math.Round(shade), 0, 255);
            }
        }
    }
}
