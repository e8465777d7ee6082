using System.Numerics;

namespace ConvCore.Fixed.Training;

/// <summary>
/// Integer division of Int128 values with the trainer's two roundings. The update
/// num / den is where precision is dropped; everything before it is exact.
/// </summary>
internal static class WideRounding
{
    /// <summary>num / den rounded half to even (den &gt; 0), exact for every Int128 num.</summary>
    public static Int128 DivideHalfEven(Int128 num, Int128 den)
    {
        (Int128 floor, Int128 remainder) = FloorDivide(num, den);
        Int128 twice = remainder << 1;
        if (twice > den || (twice == den && (floor & Int128.One) != Int128.Zero))
        {
            floor++;
        }

        return floor;
    }

    /// <summary>
    /// num / den rounded down or up, up with probability remainder / den (resolved to 2^-32):
    /// the expected result is the exact quotient.
    /// </summary>
    public static Int128 DivideStochastic(Int128 num, Int128 den, ref SplitMix64 random)
    {
        (Int128 floor, Int128 remainder) = FloorDivide(num, den);
        if (remainder == Int128.Zero)
        {
            return floor;
        }

        // Keep remainder << k inside Int128 (remainder < den < 2^bits). The trainer's divisors
        // stay below 2^110, so k is 32 there; k >= 1 keeps the shift below well defined.
        int bits = 128 - (int)Int128.LeadingZeroCount(den);
        int k = Math.Clamp(126 - bits, 1, 32);
        Int128 fraction = (remainder << k) / den;
        Int128 draw = (Int128)(random.Next() >> (64 - k));
        return draw < fraction ? floor + 1 : floor;
    }

    /// <summary>Quotient rounded toward minus infinity and the remainder in [0, den).</summary>
    private static (Int128 Floor, Int128 Remainder) FloorDivide(Int128 num, Int128 den)
    {
        if (den <= Int128.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(den), den, "The divisor must be positive.");
        }

        Int128 q = num / den;
        Int128 r = num - (q * den);
        if (r < Int128.Zero)
        {
            q--;
            r += den;
        }

        return (q, r);
    }
}
