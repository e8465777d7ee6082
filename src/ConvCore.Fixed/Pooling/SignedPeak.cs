using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// The value of largest magnitude, sign kept, of each of a row of cells, from the cell's
/// minimum and maximum: one of the two always is. Comparing magnitudes as unsigned 16-bit
/// numbers is exact (|-32768| = 32768 fits), so no lane needs widening. When a cell's minimum
/// is -a and its maximum +a (a &gt; 0), only the cell's pixels can say which came first; that
/// cell gets the minimum here and the caller is told to settle it.
/// </summary>
internal static class SignedPeak
{
    /// <summary>
    /// output[g] = max[g] when |max[g]| &gt; |min[g]|, else min[g], for the first
    /// <paramref name="count"/> cells. Returns whether some cell has max = -min != 0.
    /// </summary>
    public static bool Pick(ReadOnlySpan<short> min, ReadOnlySpan<short> max, Span<short> output, int count)
    {
        if (count < 0 || min.Length < count || max.Length < count || output.Length < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} cells need min, max and output of at least that length ({min.Length}, {max.Length}, {output.Length}).");
        }

        int n = Vector128<short>.Count;
        if (!Vector128.IsHardwareAccelerated || count < n)
        {
            return PickScalar(min, max, output, count);
        }

        ref short lo = ref MemoryMarshal.GetReference(min);
        ref short hi = ref MemoryMarshal.GetReference(max);
        ref short result = ref MemoryMarshal.GetReference(output);
        Vector128<short> ties = Vector128<short>.Zero;
        for (int g = 0; g < count; g += n)
        {
            nuint at = (nuint)Math.Min(g, count - n); // the last vector may overlap the one before
            Vector128<short> a = Vector128.LoadUnsafe(ref lo, at), b = Vector128.LoadUnsafe(ref hi, at);
            Vector128<ushort> magnitudeA = Vector128.Abs(a).AsUInt16(), magnitudeB = Vector128.Abs(b).AsUInt16();
            Vector128<short> maxWins = Vector128.GreaterThan(magnitudeB, magnitudeA).AsInt16();
            Vector128.ConditionalSelect(maxWins, b, a).StoreUnsafe(ref result, at);
            ties |= Vector128.Equals(magnitudeA, magnitudeB).AsInt16() & ~Vector128.Equals(a, b);
        }

        return ties != Vector128<short>.Zero;
    }

    /// <summary>True when min and max are -a and +a with a &gt; 0: the first of them in the cell wins.</summary>
    public static bool IsTie(short min, short max) => max == -min && max != 0;

    private static bool PickScalar(ReadOnlySpan<short> min, ReadOnlySpan<short> max, Span<short> output, int count)
    {
        bool ties = false;
        for (int g = 0; g < count; g++)
        {
            // Widened to int (-short.MinValue does not fit a short); the select is arithmetic
            // because the winner's sign is random on feature maps and a branch would miss often.
            int a = min[g], b = max[g];
            int maxWins = (-a - b) >> 31;
            output[g] = (short)(a ^ ((a ^ b) & maxWins));
            ties |= IsTie((short)a, (short)b);
        }

        return ties;
    }
}
