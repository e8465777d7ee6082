using System.Runtime.CompilerServices;

namespace ConvCore.Fixed.Training;

/// <summary>
/// An exact running sum of squares of longs. Squares of values under 2^31 (nearly all of
/// them) go to a ulong, flushed to the Int128 total before it could overflow; only larger
/// values pay for an Int128 multiplication.
/// </summary>
internal struct SquareSum
{
    private Int128 _total;
    private ulong _partial;

    public readonly Int128 Total => _total + _partial;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long value)
    {
        if (value is > -(1L << 31) and < 1L << 31)
        {
            // value^2 < 2^62, so partial + value^2 stays below 2^64 while partial < 2^63.
            _partial += (ulong)(value * value);
            if (_partial >= 1UL << 63)
            {
                _total += _partial;
                _partial = 0;
            }
        }
        else
        {
            _total += (Int128)value * value;
        }
    }
}
