using System.Runtime.CompilerServices;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// <see cref="Requantizer.Apply"/> for one lane, without branches: the same long arithmetic
/// as the specification, with the round-half-to-even decision made by a sign bit instead of
/// an if. Random accumulators round up about half the time, so the specification's branch
/// mispredicts constantly; this version costs the same for every value.
/// </summary>
internal readonly struct VectorLaneRounding
{
    private readonly long _multiplier;
    private readonly long _bias;
    private readonly int _shift;
    private readonly long _remainderMask;
    private readonly long _half;

    public VectorLaneRounding(Requantizer requantizer, int bias)
    {
        _multiplier = requantizer.Multiplier;
        _bias = bias;
        _shift = requantizer.Shift;
        _remainderMask = (1L << _shift) - 1;

        // With no shift nothing rounds: a threshold no remainder (always 0) can exceed.
        _half = _shift == 0 ? long.MaxValue : 1L << (_shift - 1);
    }

    /// <summary>round_half_even((acc + bias) x multiplier / 2^shift), unsaturated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Apply(long accumulator)
    {
        // |acc + bias| < 2^32 and multiplier <= 2^30, so the product is exact in a long.
        long v = (accumulator + _bias) * _multiplier;
        long floor = v >> _shift;
        long remainder = v & _remainderMask;

        // remainder > half - (floor odd ? 1 : 0) exactly when rounding goes up; the
        // difference is negative then, and its sign bit (shifted down) is -1, else 0.
        long roundUp = ((_half - (floor & 1)) - remainder) >> 63;
        return floor - roundUp;
    }
}
