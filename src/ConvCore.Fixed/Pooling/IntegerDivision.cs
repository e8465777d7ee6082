namespace ConvCore.Fixed.Pooling;

/// <summary>Division by a positive count with the core's rounding rule (half to even).</summary>
internal static class IntegerDivision
{
    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> rounded half to even, for
    /// any numerator and a positive denominator. Exact: no floating point.
    /// </summary>
    public static long RoundHalfEven(long numerator, long denominator)
    {
        long q = numerator / denominator;          // truncates toward zero
        long r = numerator - (q * denominator);
        if (r < 0)
        {
            q--;                                   // make it floor division, 0 <= r < d
            r += denominator;
        }

        long rest = denominator - r;               // compare r with d/2 without overflow
        if (r > rest || (r == rest && (q & 1) != 0))
        {
            q++;
        }

        return q;
    }
}
