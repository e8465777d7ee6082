using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// The branch-free per-lane requantiser against <see cref="Requantizer.Apply"/> and the
/// saturating stores, for every shift, on exact halves (odd and even floors), their
/// neighbours and the ends of the 8-bit accumulator range, with large multipliers and biases.
/// </summary>
public class VectorLaneRoundingTests
{
    private static readonly long[] Accumulators =
        [0, 1, -1, 2, -2, 3, -3, 255, -255, 32767, -32768, 1 << 20, -(1 << 20), 2139095040, -2139095040];

    private static readonly int[] Biases = [0, 1, -1, 4096, int.MaxValue, int.MinValue];

    private static readonly int[] Multipliers = [1, 2, 3, 1000, 65537, Requantizer.MaxMultiplier];

    [Fact]
    public void EqualsTheSpecificationForEveryShiftMultiplierAndBias()
    {
        int checkedValues = 0;
        foreach (int multiplier in Multipliers)
        {
            for (int shift = 0; shift <= Requantizer.MaxShift; shift++)
            {
                var rq = new Requantizer(multiplier, shift);
                foreach (int bias in Biases)
                {
                    var lane = new VectorLaneRounding(rq, bias);
                    var int16 = new VectorLaneInt16Store(lane);
                    var uint8 = new VectorLaneByteStore(lane);
                    var specInt16 = new Int16Store(rq, bias);
                    var specUInt8 = new ByteStore(rq, bias);
                    foreach (long acc in Accumulators.Concat(Halves(multiplier, shift, bias)))
                    {
                        Assert.Equal(rq.Apply(acc, bias), lane.Apply(acc));
                        Assert.Equal(specInt16.Store(acc), int16.Store(acc));
                        Assert.Equal(specUInt8.Store(acc), uint8.Store(acc));
                        checkedValues++;
                    }
                }
            }
        }

        Assert.True(checkedValues > 10000);
    }

    /// <summary>
    /// Accumulators that put (acc + bias) x m on or next to a half step, where one exists
    /// within the 8-bit accumulator range.
    /// </summary>
    private static IEnumerable<long> Halves(int multiplier, int shift, int bias)
    {
        if (shift == 0)
        {
            yield break;
        }

        long step = 1L << shift;
        for (long k = -3; k <= 3; k++)
        {
            long product = (k * step) + (step / 2);
            if (product % multiplier != 0)
            {
                continue;
            }

            long acc = (product / multiplier) - bias;
            if (Math.Abs(acc) <= 2139095040)
            {
                yield return acc;
                yield return acc + 1;
                yield return acc - 1;
            }
        }
    }
}
