using System.Runtime.Intrinsics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// The lane requantiser against <see cref="Requantizer.Apply"/> on the values where rounding
/// is hardest: exact halves with odd and even floors, one either side of them, zero, and the
/// ends of the range the bound allows.
/// </summary>
public class VectorRequantizerTests
{
    [Fact]
    public void LaneRoundingEqualsScalarRoundingAroundEveryHalf()
    {
        // A 1x1 kernel of weight 1 (bound 255): the bias carries acc + bias onto each target.
        FixedKernel one = FixedKernel.FromIntegers("one", 1, 1, [1]);
        int checkedValues = 0;
        for (int shift = 0; shift <= 31; shift++)
        {
            var rq = new Requantizer(1, shift);
            foreach (long target in Targets(shift))
            {
                foreach (int acc in new[] { 0, 1, -1, 255, -255 })
                {
                    int bias = (int)(target - acc);
                    Assert.True(VectorRequantizer.TryCreate(one.WithBias(bias), rq, out VectorRequantizer lanes), $"shift {shift} bias {bias}");
                    long expected = rq.Apply(acc, bias);
                    Assert.Equal(expected, lanes.Apply(Vector128.Create(acc)).GetElement(0));
                    Assert.Equal(expected, lanes.Apply(Vector256.Create(acc)).GetElement(7));
                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > 1000);
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(1, 32, 0)]
    [InlineData(1, 62, 0)]
    [InlineData(1, 0, int.MaxValue)]
    [InlineData(1, 4, int.MinValue)]
    public void LanesAreRefusedWhereTheyCouldNotBeExact(int multiplier, int shift, int bias)
    {
        FixedKernel kernel = FixedKernel.FromIntegers("k", 1, 2, [1, -1], 0, bias);
        Assert.False(VectorRequantizer.TryCreate(kernel, new Requantizer(multiplier, shift), out _));
    }

    [Fact]
    public void LanesAreRefusedWhenBoundPlusBiasLeavesInt32()
    {
        // Bound 255 x 2 = 510: a bias of int.MaxValue - 510 is the largest that keeps lanes exact.
        FixedKernel atEdge = FixedKernel.FromIntegers("k", 1, 2, [1, -1], 0, int.MaxValue - 510);
        FixedKernel overEdge = atEdge.WithBias(int.MaxValue - 509);
        Assert.True(VectorRequantizer.TryCreate(atEdge, Requantizer.Identity, out _));
        Assert.False(VectorRequantizer.TryCreate(overEdge, Requantizer.Identity, out _));
    }

    /// <summary>
    /// Values of acc + bias where rounding is hardest: the halves of the step with even and
    /// odd floors, one either side, near zero and near the ends of the lane-safe range.
    /// </summary>
    private static IEnumerable<long> Targets(int shift)
    {
        const long limit = int.MaxValue - 510;
        long step = 1L << shift;
        long half = shift == 0 ? 0 : step / 2;
        long kMax = limit / step;
        foreach (long k in new[] { -kMax, -kMax + 1, -3, -2, -1, 0, 1, 2, 3, kMax - 2, kMax - 1 })
        {
            for (long d = -1; d <= 1; d++)
            {
                long t = (k * step) + half + d;
                if (Math.Abs(t) <= limit)
                {
                    yield return t;
                }
            }
        }
    }
}
