using System.Numerics;

namespace ConvCore.Fixed.Gradient;

/// <summary>
/// floor(sqrt(n)) in pure integer arithmetic: the same answer on every machine, with none
/// of the double rounding that makes floor(Math.Sqrt(n)) wrong near large perfect squares.
/// </summary>
/// <remarks>
/// The bit-by-bit ("digit by digit") method: one result bit per step, from the top down, so
/// at most 16 steps for a uint and 32 for a ulong. The step has no data-dependent branch (a
/// comparison becomes an all-ones or all-zeros mask), which matters on random gradients
/// where a branch would be mispredicted about half the time. The uint and ulong loops are
/// written out twice on purpose: a generic-math version measured about 3x slower.
/// </remarks>
public static class IntegerSqrt
{
    /// <summary>The largest r with r x r &lt;= <paramref name="value"/>.</summary>
    public static uint Floor(ulong value)
    {
        if (value <= uint.MaxValue)
        {
            return Floor((uint)value);
        }

        ulong bit = 1UL << (BitOperations.Log2(value) & ~1); // highest power of 4 <= value
        ulong rest = value;
        ulong result = 0;
        while (bit != 0)
        {
            ulong trial = result + bit;
            ulong take = 0UL - (rest >= trial ? 1UL : 0UL);
            rest -= trial & take;
            result = (result >> 1) + (bit & take);
            bit >>= 2;
        }

        return (uint)result;
    }

    /// <summary>The largest r with r x r &lt;= <paramref name="value"/> (at most 65535).</summary>
    public static uint Floor(uint value)
    {
        uint bit = 1u << (BitOperations.Log2(value | 1) & ~1);
        uint rest = value;
        uint result = 0;
        while (bit != 0)
        {
            uint trial = result + bit;
            uint take = 0u - (rest >= trial ? 1u : 0u);
            rest -= trial & take;
            result = (result >> 1) + (bit & take);
            bit >>= 2;
        }

        return result;
    }
}
