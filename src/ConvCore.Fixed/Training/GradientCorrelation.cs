using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Training;

/// <summary>
/// The weight gradient as a correlation: G[i, j] = sum over (y, x) of E[y, x] X[y + i, x + j],
/// the valid correlation of the input with the int32 error map used as a (large) kernel.
/// The 8-bit correlator refuses kernels over 256 taps, so this one accumulates in long.
/// </summary>
/// <remarks>
/// Exact: |E| &lt;= 2^31 and X &lt;= 255 bound each product by 2^39, and with at most
/// <see cref="MaxErrorPixels"/> (2^24) error pixels the sum stays below 2^63.
/// </remarks>
internal static class GradientCorrelation
{
    /// <summary>The largest error map whose gradient sums provably fit a long.</summary>
    public const int MaxErrorPixels = 1 << 24;

    /// <summary>Writes the (X.h - E.h + 1) x (X.w - E.w + 1) result, row-major, into <paramref name="gradient"/>.</summary>
    public static void Correlate(ReadOnlyPlane<byte> input, ReadOnlyPlane<int> errors, Span<long> gradient)
    {
        int rows = input.Height - errors.Height + 1;
        int cols = input.Width - errors.Width + 1;
        if (rows < 1 || cols < 1)
        {
            throw new ArgumentException($"The error map ({errors.Width}x{errors.Height}) is larger than the input ({input.Width}x{input.Height}).", nameof(errors));
        }

        if ((long)errors.Width * errors.Height > MaxErrorPixels)
        {
            throw new ArgumentException($"The error map has {(long)errors.Width * errors.Height} pixels; at most {MaxErrorPixels} keep the long sums exact.", nameof(errors));
        }

        if (gradient.Length < rows * cols)
        {
            throw new ArgumentException($"The gradient span holds {gradient.Length} values but {rows}x{cols} are needed.", nameof(gradient));
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                gradient[(i * cols) + j] = Tap(input, errors, i, j);
            }
        }
    }

    /// <summary>One gradient entry: the error map dotted with the input window shifted by (i, j).</summary>
    private static long Tap(ReadOnlyPlane<byte> input, ReadOnlyPlane<int> errors, int i, int j)
    {
        long sum = 0;
        for (int y = 0; y < errors.Height; y++)
        {
            ReadOnlySpan<int> e = errors.Row(y);
            ReadOnlySpan<byte> x = input.Row(y + i).Slice(j, e.Length);
            for (int k = 0; k < e.Length; k++)
            {
                sum += (long)e[k] * x[k];
            }
        }

        return sum;
    }
}
