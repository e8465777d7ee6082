using System.Numerics;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>What one pooling cell (a non-empty input rectangle) becomes. Structs, so the loop is specialised per kind.</summary>
internal interface IPoolingCell<T> where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Summarises rows [y0, y1) x columns [x0, x1) of <paramref name="input"/>.</summary>
    T Summarise(ReadOnlyPlane<T> input, int y0, int y1, int x0, int x1);
}

/// <summary>The value of largest magnitude, sign kept; the first of equals wins.</summary>
internal readonly struct MaxAbsCell<T> : IPoolingCell<T> where T : unmanaged, IBinaryInteger<T>
{
    public T Summarise(ReadOnlyPlane<T> input, int y0, int y1, int x0, int x1)
    {
        T best = input[y0, x0];
        long bestMagnitude = Magnitude(best);
        for (int y = y0; y < y1; y++)
        {
            foreach (T v in input.Row(y)[x0..x1])
            {
                long m = Magnitude(v);
                if (m > bestMagnitude) // strictly greater: the first of equals wins
                {
                    bestMagnitude = m;
                    best = v;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// |v| as a long (|int.MinValue| fits), without a branch: feature-map signs are random,
    /// so Math.Abs's sign test would be mispredicted about half the time.
    /// </summary>
    private static long Magnitude(T v)
    {
        long x = long.CreateTruncating(v);
        long sign = x >> 63;
        return (x ^ sign) - sign;
    }
}

/// <summary>The mean, rounded half to even, from an exact long sum.</summary>
internal readonly struct MeanCell<T> : IPoolingCell<T> where T : unmanaged, IBinaryInteger<T>
{
    public T Summarise(ReadOnlyPlane<T> input, int y0, int y1, int x0, int x1)
    {
        long sum = 0;
        for (int y = y0; y < y1; y++)
        {
            foreach (T v in input.Row(y)[x0..x1])
            {
                sum += long.CreateTruncating(v);
            }
        }

        long count = (long)(y1 - y0) * (x1 - x0);
        return T.CreateTruncating(IntegerDivision.RoundHalfEven(sum, count));
    }
}
