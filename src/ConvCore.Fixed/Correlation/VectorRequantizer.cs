using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// <see cref="Requantizer.Apply"/> for a multiplier of 1, in int32 lanes: (acc + bias)
/// shifted right by Shift with round half to even. Only built when it is proven exact:
/// |acc| + |bias| fits int32 (so the sum cannot wrap) and Shift is at most 31.
/// </summary>
internal readonly struct VectorRequantizer
{
    private readonly int _bias;
    private readonly int _shift;
    private readonly int _remainderMask;
    private readonly int _half;

    private VectorRequantizer(int bias, int shift)
    {
        _bias = bias;
        _shift = shift;
        _remainderMask = (int)((1L << shift) - 1);

        // With no shift nothing rounds: a threshold no remainder (always 0) can exceed.
        _half = shift == 0 ? int.MaxValue : 1 << (shift - 1);
    }

    /// <summary>Multiplier 1, shift 0, bias 0: the output is the saturated accumulator itself.</summary>
    public bool IsIdentity => _bias == 0 && _shift == 0;

    /// <summary>
    /// The lane requantiser for this kernel and requantiser, or false when the lanes could not
    /// reproduce <see cref="Requantizer.Apply"/> exactly (the caller requantises per lane in scalar).
    /// </summary>
    public static bool TryCreate(FixedKernel kernel, Requantizer requantizer, out VectorRequantizer lanes)
    {
        lanes = default;
        if (requantizer.Multiplier != 1 || requantizer.Shift > 31)
        {
            return false;
        }

        // Every partial sum is within the bound, so acc + bias never leaves int32.
        if (kernel.AccumulatorBound8Bit + Math.Abs((long)kernel.Bias) > int.MaxValue)
        {
            return false;
        }

        lanes = new VectorRequantizer(kernel.Bias, requantizer.Shift);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<int> Apply(Vector128<int> accumulator)
    {
        // Rounding.ShiftRightHalfEven without leaving 32 bits: floor, then +1 when the
        // remainder is above half, or exactly half and the floor is odd. Comparing with
        // (half - odd) folds both cases into one compare; a true compare is -1, so
        // subtracting it adds one.
        Vector128<int> v = accumulator + Vector128.Create(_bias);
        Vector128<int> floor = Vector128.ShiftRightArithmetic(v, _shift);
        Vector128<int> remainder = v & Vector128.Create(_remainderMask);
        Vector128<int> threshold = Vector128.Create(_half) - (floor & Vector128<int>.One);
        return floor - Vector128.GreaterThan(remainder, threshold);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<int> Apply(Vector256<int> accumulator)
    {
        // Same steps as the Vector128 overload.
        Vector256<int> v = accumulator + Vector256.Create(_bias);
        Vector256<int> floor = Vector256.ShiftRightArithmetic(v, _shift);
        Vector256<int> remainder = v & Vector256.Create(_remainderMask);
        Vector256<int> threshold = Vector256.Create(_half) - (floor & Vector256<int>.One);
        return floor - Vector256.GreaterThan(remainder, threshold);
    }
}
