using System.Numerics;

namespace ConvCore.Fixed.Tests;

/// <summary>Round-half-to-even division in BigInteger: the tests' independent definition of the rounding rule.</summary>
internal static class BigRounding
{
    /// <summary>n / d (d &gt; 0) rounded to the nearest integer, ties to the even one.</summary>
    public static BigInteger DivideHalfEven(BigInteger n, BigInteger d)
    {
        if (d.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(d));
        }

        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        if (r.Sign < 0)
        {
            q -= 1;
            r += d;
        }

        BigInteger twice = 2 * r;
        if (twice > d || (twice == d && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }

    /// <summary>saturate(round_half_even((acc + bias) x multiplier / 2^shift)) to [min, max].</summary>
    public static long Requantize(BigInteger acc, long bias, long multiplier, int shift, long min, long max)
    {
        BigInteger v = DivideHalfEven((acc + bias) * multiplier, BigInteger.One << shift);
        return v > max ? max : v < min ? min : (long)v;
    }
}
