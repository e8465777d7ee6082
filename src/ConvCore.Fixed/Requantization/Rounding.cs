using System.Runtime.CompilerServices;

namespace ConvCore.Fixed.Requantization;

/// <summary>
/// Integer rounding and saturation: the one definition every path (scalar and vector)
/// must reproduce bit for bit.
/// </summary>
public static class Rounding
{
    /// <summary>
    /// value / 2^shift rounded half to even ("banker's rounding"): 2.5 -> 2, 3.5 -> 4,
    /// -2.5 -> -2. Exact for every long and every shift in 0..62.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ShiftRightHalfEven(long value, int shift)
    {
        if (shift == 0)
        {
            return value;
        }

        long floor = value >> shift;                 // arithmetic shift = floor division
        long remainder = value - (floor << shift);   // 0 .. 2^shift - 1
        long half = 1L << (shift - 1);
        if (remainder > half || (remainder == half && (floor & 1) != 0))
        {
            floor++;
        }

        return floor;
    }

    /// <summary>Int128 twin of <see cref="ShiftRightHalfEven(long, int)"/> for shifts 0..126.</summary>
    public static Int128 ShiftRightHalfEven(Int128 value, int shift)
    {
        if (shift == 0)
        {
            return value;
        }

        Int128 floor = value >> shift;
        Int128 remainder = value - (floor << shift);
        Int128 half = Int128.One << (shift - 1);
        if (remainder > half || (remainder == half && (floor & Int128.One) != Int128.Zero))
        {
            floor++;
        }

        return floor;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturateToInt16(long value) =>
        value > short.MaxValue ? short.MaxValue : value < short.MinValue ? short.MinValue : (short)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte SaturateToByte(long value) =>
        value > byte.MaxValue ? byte.MaxValue : value < 0 ? (byte)0 : (byte)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SaturateToInt32(long value) =>
        value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
}
