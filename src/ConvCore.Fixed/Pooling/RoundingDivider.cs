namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Divides 32-bit sums by one fixed divisor, rounding half to even, with a multiply instead
/// of a division: for n, d &lt; 2^32, floor(n / d) = high 64 bits of n x ceil(2^64 / d)
/// (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019).
/// </summary>
internal readonly struct RoundingDivider
{
    private readonly uint _divisor;
    private readonly ulong _inverse;

    /// <param name="divisor">2 .. 2^32 - 1 (1 would need a 65-bit inverse; nothing here divides by 1).</param>
    public RoundingDivider(uint divisor)
    {
        _divisor = divisor;
        _inverse = (ulong.MaxValue / divisor) + 1; // ceil(2^64 / d) for d >= 2
    }

    /// <summary>True when <paramref name="divisor"/> x <paramref name="maxValue"/> bounds every sum and fits 32 bits.</summary>
    public static bool Fits(long divisor, int maxValue) => divisor >= 2 && divisor * maxValue <= uint.MaxValue;

    public uint Divide(uint n)
    {
        uint q = (uint)Math.BigMul(_inverse, n, out _);
        uint r = n - (q * _divisor);
        uint rest = _divisor - r;
        if (r > rest || (r == rest && (q & 1) != 0))
        {
            q++;
        }

        return q;
    }
}
