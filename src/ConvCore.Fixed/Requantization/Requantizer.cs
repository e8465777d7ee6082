using System.Runtime.CompilerServices;

namespace ConvCore.Fixed.Requantization;

/// <summary>
/// Maps an exact accumulator to the output scale:
/// out = saturate(round_half_even((acc + bias) x Multiplier / 2^Shift)).
/// </summary>
/// <remarks>
/// With 8-bit input |acc| &lt; 2^31 and |bias| &lt; 2^31, so (acc + bias) needs 33 bits and
/// the product with a multiplier of at most 2^30 stays below 2^63: long arithmetic is exact.
/// The 16-bit input path uses <see cref="Int128"/> for the same formula.
/// </remarks>
public readonly record struct Requantizer
{
    /// <summary>The largest multiplier accepted (keeps the 8-bit product inside a long).</summary>
    public const int MaxMultiplier = 1 << 30;

    /// <summary>The largest shift accepted.</summary>
    public const int MaxShift = 62;

    public Requantizer(int multiplier, int shift)
    {
        if (multiplier < 1 || multiplier > MaxMultiplier)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, $"Requantizer multiplier must be between 1 and 2^30.");
        }

        if (shift < 0 || shift > MaxShift)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, $"Requantizer shift must be between 0 and {MaxShift}.");
        }

        Multiplier = multiplier;
        Shift = shift;
    }

    public int Multiplier { get; }

    public int Shift { get; }

    /// <summary>True for the identity multiplier, which the vector paths handle in 32-bit lanes.</summary>
    public bool IsPowerOfTwoScale => Multiplier == 1;

    /// <summary>
    /// Back to real units: divide by 2^fractionBits. This is what the feature map of
    /// INTERFACE.md holds (for integer kernels, the exact correlation).
    /// </summary>
    public static Requantizer ForKernel(int fractionBits) => new(1, fractionBits);

    /// <summary>Multiplies by 1: the raw (acc + bias).</summary>
    public static Requantizer Identity => new(1, 0);

    /// <summary>The rounded, unsaturated value for an 8-bit-input accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Apply(long accumulator, int bias) =>
        Rounding.ShiftRightHalfEven((accumulator + bias) * Multiplier, Shift);

    /// <summary>The rounded, unsaturated value for a wide (16-bit input) accumulator.</summary>
    public Int128 ApplyWide(long accumulator, int bias) =>
        Rounding.ShiftRightHalfEven(((Int128)accumulator + bias) * Multiplier, Shift);
}
