using System.Numerics;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Training;

/// <summary>What one example's forward pass adds to a step, all in the error format.</summary>
/// <param name="SumOfSquares">sum(E^2): the summed loss.</param>
/// <param name="TargetEnergy">sum(Y^2): the loss an all-zero prediction would have (the divergence yardstick).</param>
/// <param name="SumOfErrors">sum(E) of the stored (int32) errors: the bias gradient / 2.</param>
/// <param name="Saturated">Errors that did not fit int32.</param>
internal readonly record struct ErrorSums(Int128 SumOfSquares, Int128 TargetEnergy, long SumOfErrors, int Saturated);

/// <summary>
/// Turns the forward accumulators into the error map, in place:
/// E = ((acc + bias) &lt;&lt; predictionShift) - (target &lt;&lt; targetShift), both sides in the
/// error format, and sums what the loss and the bias gradient need.
/// </summary>
/// <remarks>
/// The loss uses the exact error. The stored error is saturated to int32 (counted in
/// <see cref="ErrorSums.Saturated"/>): only an error of thousands of real units can hit
/// that, and then the gradient is clipped rather than wrapped.
/// </remarks>
internal static class ErrorMap
{
    public static ErrorSums Compute<TTarget>(Plane<int> accumulators, long bias, int predictionShift, ReadOnlyPlane<TTarget> target, int targetShift)
        where TTarget : unmanaged, IBinaryInteger<TTarget>
    {
        var squares = default(SquareSum);
        var energy = default(SquareSum);
        long sum = 0;
        int saturated = 0;
        for (int oy = 0; oy < accumulators.Height; oy++)
        {
            Span<int> row = accumulators.Row(oy);
            ReadOnlySpan<TTarget> t = target.Row(oy);
            for (int ox = 0; ox < row.Length; ox++)
            {
                long y = long.CreateTruncating(t[ox]) << targetShift;
                long error = ((row[ox] + bias) << predictionShift) - y;
                int stored = Rounding.SaturateToInt32(error);
                saturated += stored == error ? 0 : 1;
                squares.Add(error);
                energy.Add(y);
                row[ox] = stored;
                sum += stored;
            }
        }

        return new ErrorSums(squares.Total, energy.Total, sum, saturated);
    }
}
