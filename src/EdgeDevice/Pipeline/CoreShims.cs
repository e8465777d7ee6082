using ConvCore.Fixed.Planes;

namespace EdgeDevice.Pipeline;

/// <summary>
/// TEMPORARY. The pipeline calls pooling, area downscale and gradient magnitude only through
/// this class. The core (ConvCore.Fixed.Pooling.Pooling, ConvCore.Fixed.Pooling.AreaDownscale,
/// ConvCore.Fixed.Gradient.GradientMagnitude) is being written on another branch with these
/// exact signatures and meanings; when it merges, this file is deleted and each method
/// forwards to the core's. These are plain, exact-integer versions of the same contract.
/// </summary>
internal static class CoreOps
{
    /// <summary>
    /// Each output cell takes the value of largest |v| in its input cell (sign kept, the first
    /// in row-major order wins ties). Cell (gy, gx) covers input rows
    /// [floor(gy*H/h), floor((gy+1)*H/h)) and columns likewise.
    /// </summary>
    public static void MaxAbs(ReadOnlyPlane<short> input, Plane<short> output)
    {
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = CellStart(gy, input.Height, output.Height);
            int y1 = CellStart(gy + 1, input.Height, output.Height);
            for (int gx = 0; gx < output.Width; gx++)
            {
                int x0 = CellStart(gx, input.Width, output.Width);
                int x1 = CellStart(gx + 1, input.Width, output.Width);
                short best = 0;
                int bestAbs = -1;
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        short v = input[y, x];
                        int a = Math.Abs((int)v);
                        if (a > bestAbs)
                        {
                            best = v;
                            bestAbs = a;
                        }
                    }
                }

                output[gy, gx] = best;
            }
        }
    }

    /// <summary>The mean of each cell (same cells as <see cref="MaxAbs"/>), rounded half to even.</summary>
    public static void Average(ReadOnlyPlane<short> input, Plane<short> output)
    {
        for (int gy = 0; gy < output.Height; gy++)
        {
            int y0 = CellStart(gy, input.Height, output.Height);
            int y1 = CellStart(gy + 1, input.Height, output.Height);
            for (int gx = 0; gx < output.Width; gx++)
            {
                int x0 = CellStart(gx, input.Width, output.Width);
                int x1 = CellStart(gx + 1, input.Width, output.Width);
                long sum = 0;
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        sum += input[y, x];
                    }
                }

                long count = (long)(y1 - y0) * (x1 - x0);
                output[gy, gx] = count == 0 ? (short)0 : (short)DivideHalfEven(sum, count);
            }
        }
    }

    /// <summary>
    /// Area-average resize: each destination pixel is the mean of the source area it covers,
    /// with partly covered source pixels weighted by their covered fraction, rounded half to
    /// even. Exact: in units of 1/(w*h) of a source pixel every overlap is an integer.
    /// </summary>
    public static void Resize(ReadOnlyPlane<byte> source, Plane<byte> destination)
    {
        int sw = source.Width, sh = source.Height, dw = destination.Width, dh = destination.Height;
        long area = (long)sw * sh;
        for (int dy = 0; dy < dh; dy++)
        {
            // Destination row dy covers [dy*sh, (dy+1)*sh) in units of 1/dh source rows.
            long ry0 = (long)dy * sh, ry1 = ry0 + sh;
            int sy0 = (int)(ry0 / dh), sy1 = (int)((ry1 - 1) / dh);
            for (int dx = 0; dx < dw; dx++)
            {
                long rx0 = (long)dx * sw, rx1 = rx0 + sw;
                int sx0 = (int)(rx0 / dw), sx1 = (int)((rx1 - 1) / dw);
                long sum = 0;
                for (int sy = sy0; sy <= sy1; sy++)
                {
                    long wy = Math.Min(ry1, (long)(sy + 1) * dh) - Math.Max(ry0, (long)sy * dh);
                    long rowSum = 0;
                    for (int sx = sx0; sx <= sx1; sx++)
                    {
                        long wx = Math.Min(rx1, (long)(sx + 1) * dw) - Math.Max(rx0, (long)sx * dw);
                        rowSum += wx * source[sy, sx];
                    }

                    sum += wy * rowSum;
                }

                destination[dy, dx] = (byte)DivideHalfEven(sum, area);
            }
        }
    }

    /// <summary>saturate(|gx| + |gy|) per element.</summary>
    public static void L1(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output)
    {
        for (int y = 0; y < output.Height; y++)
        {
            for (int x = 0; x < output.Width; x++)
            {
                int m = Math.Abs((int)gx[y, x]) + Math.Abs((int)gy[y, x]);
                output[y, x] = (short)Math.Min(m, short.MaxValue);
            }
        }
    }

    /// <summary>floor(sqrt(gx^2 + gy^2)) per element, saturated; integer square root, no float.</summary>
    public static void L2(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output)
    {
        for (int y = 0; y < output.Height; y++)
        {
            for (int x = 0; x < output.Width; x++)
            {
                long a = gx[y, x], b = gy[y, x];
                long r = IntegerSqrt((a * a) + (b * b));
                output[y, x] = (short)Math.Min(r, short.MaxValue);
            }
        }
    }

    private static int CellStart(int cell, int inputLength, int cells) => (int)((long)cell * inputLength / cells);

    /// <summary>numerator / denominator (denominator &gt; 0) rounded half to even.</summary>
    private static long DivideHalfEven(long numerator, long denominator)
    {
        long q = Math.DivRem(numerator, denominator, out long r);
        if (r < 0)
        {
            q--;
            r += denominator;
        }

        // Now numerator = q*d + r with 0 <= r < d.
        long twice = 2 * r;
        if (twice > denominator || (twice == denominator && (q & 1) != 0))
        {
            q++;
        }

        return q;
    }

    private static long IntegerSqrt(long n)
    {
        long r = (long)Math.Sqrt(n);
        while (r * r > n)
        {
            r--;
        }

        while ((r + 1) * (r + 1) <= n)
        {
            r++;
        }

        return r;
    }
}
