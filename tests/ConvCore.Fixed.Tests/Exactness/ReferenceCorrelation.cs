using System.Numerics;
using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>
/// Cross-correlation written from its definition for the tests, independent of the core:
/// out(oy, ox) = sum over every kernel cell (r, c) of w(r, c) x X(oy sy - ay + r, ox sx - ax + c),
/// where X reads 0 outside the input (same-zero) or the nearest edge pixel (same-replicate),
/// valid mode has no anchor and stops where the kernel stops fitting, and the same modes
/// anchor at ((kh - 1) / 2, (kw - 1) / 2) as INTERFACE.md says.
/// </summary>
internal static class ReferenceCorrelation
{
    public static (int Height, int Width) OutputSize(int h, int w, int kh, int kw, BorderMode mode, int sy, int sx) =>
        mode == BorderMode.Valid
            ? (((h - kh) / sy) + 1, ((w - kw) / sx) + 1)
            : (((h - 1) / sy) + 1, ((w - 1) / sx) + 1);

    /// <summary>Every accumulator, row-major, in long arithmetic; zero weights included on purpose.</summary>
    public static long[] Accumulate<T>(T[] data, int w, int h, int stride, short[] weights, int kh, int kw, BorderMode mode, int sy, int sx)
        where T : IBinaryInteger<T>
    {
        var (oh, ow) = OutputSize(h, w, kh, kw, mode, sy, sx);
        int ay = mode == BorderMode.Valid ? 0 : (kh - 1) / 2;
        int ax = mode == BorderMode.Valid ? 0 : (kw - 1) / 2;
        var result = new long[oh * ow];
        for (int oy = 0; oy < oh; oy++)
        {
            for (int ox = 0; ox < ow; ox++)
            {
                long sum = 0;
                for (int r = 0; r < kh; r++)
                {
                    for (int c = 0; c < kw; c++)
                    {
                        sum += weights[(r * kw) + c] * Sample(data, w, h, stride, mode, (oy * sy) - ay + r, (ox * sx) - ax + c);
                    }
                }

                result[(oy * ow) + ox] = sum;
            }
        }

        return result;
    }

    /// <summary>The kernel rotated 180 degrees, by index: element i moves to n - 1 - i.</summary>
    public static short[] Rotate180(short[] weights) => weights.Reverse().ToArray();

    private static long Sample<T>(T[] data, int w, int h, int stride, BorderMode mode, int y, int x)
        where T : IBinaryInteger<T>
    {
        bool outside = y < 0 || y >= h || x < 0 || x >= w;
        if (outside && mode == BorderMode.SameZero)
        {
            return 0;
        }

        if (outside && mode == BorderMode.Valid)
        {
            throw new InvalidOperationException($"Valid mode read outside the input at ({y}, {x}).");
        }

        y = Math.Clamp(y, 0, h - 1);
        x = Math.Clamp(x, 0, w - 1);
        return long.CreateTruncating(data[(y * stride) + x]);
    }
}
