namespace ConvCore.Fixed.Benchmarks.Baselines;

/// <summary>
/// The seed's corr2d written plainly in C#: Y = zeros(n_h - k_h + 1, n_w - k_w + 1), then for
/// every i, j: Y[i, j] = sum(X[i:i+h, j:j+w] * K), in float32 like torch's default tensors.
/// </summary>
/// <remarks>
/// Like the seed it allocates Y on every call. The window product is summed in place rather
/// than through a temporary window array: the seed's slice is a view, not a copy.
/// </remarks>
public static class SeedCorr2d
{
    public static float[,] Corr2d(float[,] x, float[,] k)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(k);
        int h = k.GetLength(0);
        int w = k.GetLength(1);
        var y = new float[x.GetLength(0) - h + 1, x.GetLength(1) - w + 1];
        for (int i = 0; i < y.GetLength(0); i++)
        {
            for (int j = 0; j < y.GetLength(1); j++)
            {
                float sum = 0;
                for (int a = 0; a < h; a++)
                {
                    for (int b = 0; b < w; b++)
                    {
                        sum += x[i + a, j + b] * k[a, b];
                    }
                }

                y[i, j] = sum;
            }
        }

        return y;
    }

    /// <summary>The frame as the seed's float tensor X (done once, outside the timed code).</summary>
    public static float[,] ToFloat(ReadOnlySpan<byte> pixels, int width, int height, int stride)
    {
        var x = new float[height, width];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                x[r, c] = pixels[(r * stride) + c];
            }
        }

        return x;
    }
}
