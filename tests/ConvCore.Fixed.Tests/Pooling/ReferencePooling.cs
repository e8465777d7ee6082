using System.Numerics;

namespace ConvCore.Fixed.Tests.Pooling;

/// <summary>Pooling written straight from its definition, for the tests to compare with.</summary>
internal static class ReferencePooling
{
    public static T[] MaxAbs<T>(T[] data, int w, int h, int stride, int gw, int gh)
        where T : IBinaryInteger<T>
    {
        var result = new T[gw * gh];
        for (int gy = 0; gy < gh; gy++)
        {
            for (int gx = 0; gx < gw; gx++)
            {
                var (y0, y1, x0, x1) = Cell(gy, gx, w, h, gw, gh);
                T best = data[(y0 * stride) + x0];
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        T v = data[(y * stride) + x];
                        if (BigInteger.Abs(BigInteger.CreateTruncating(v)) > BigInteger.Abs(BigInteger.CreateTruncating(best)))
                        {
                            best = v;
                        }
                    }
                }

                result[(gy * gw) + gx] = best;
            }
        }

        return result;
    }

    public static T[] Average<T>(T[] data, int w, int h, int stride, int gw, int gh)
        where T : IBinaryInteger<T>
    {
        var result = new T[gw * gh];
        for (int gy = 0; gy < gh; gy++)
        {
            for (int gx = 0; gx < gw; gx++)
            {
                var (y0, y1, x0, x1) = Cell(gy, gx, w, h, gw, gh);
                BigInteger sum = 0;
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        sum += BigInteger.CreateTruncating(data[(y * stride) + x]);
                    }
                }

                result[(gy * gw) + gx] = T.CreateChecked(BigRounding.DivideHalfEven(sum, (y1 - y0) * (x1 - x0)));
            }
        }

        return result;
    }

    private static (int Y0, int Y1, int X0, int X1) Cell(int gy, int gx, int w, int h, int gw, int gh) =>
        (gy * h / gh, (gy + 1) * h / gh, gx * w / gw, (gx + 1) * w / gw);
}
