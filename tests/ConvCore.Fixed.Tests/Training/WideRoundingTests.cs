using ConvCore.Fixed.Training;
using CsCheck;

namespace ConvCore.Fixed.Tests.Training;

public class WideRoundingTests
{
    [Theory]
    [InlineData(5, 2, 2)]
    [InlineData(7, 2, 4)]
    [InlineData(-5, 2, -2)]
    [InlineData(-7, 2, -4)]
    [InlineData(1, 3, 0)]
    [InlineData(2, 3, 1)]
    [InlineData(-2, 3, -1)]
    [InlineData(9, 3, 3)]
    [InlineData(0, 7, 0)]
    public void DivideHalfEvenRoundsTiesToEven(long num, long den, long expected)
    {
        Assert.Equal((Int128)expected, WideRounding.DivideHalfEven(num, den));
    }

    [Fact]
    public void DivideHalfEvenAgreesWithDecimalRounding()
    {
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Long[1, 1_000_000]).Sample((num, den) =>
        {
            decimal expected = Math.Round((decimal)num / den, MidpointRounding.ToEven);
            Assert.Equal((Int128)(long)expected, WideRounding.DivideHalfEven(num, den));
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void DivideHalfEvenHandlesNumeratorsBeyondALong()
    {
        Int128 num = ((Int128)3 << 100) + 1;
        Assert.Equal((Int128)3 << 60, WideRounding.DivideHalfEven(num, (Int128)1 << 40));
        Assert.Equal(-((Int128)3 << 60), WideRounding.DivideHalfEven(-num, (Int128)1 << 40));
    }

    [Fact]
    public void StochasticDivisionIsExactWhenDivisibleAndOtherwiseOneOfTheTwoNeighbours()
    {
        var random = new SplitMix64(1);
        Assert.Equal((Int128)(-4), WideRounding.DivideStochastic(-12, 3, ref random));
        for (int i = 0; i < 100; i++)
        {
            Int128 q = WideRounding.DivideStochastic(-7, 2, ref random);
            Assert.True(q == -4 || q == -3, $"-7/2 gave {q}");
        }
    }

    [Fact]
    public void StochasticDivisionIsUnbiasedOnAverage()
    {
        var random = new SplitMix64(42);
        const int n = 20000;
        Int128 total = 0;
        for (int i = 0; i < n; i++)
        {
            total += WideRounding.DivideStochastic(13, 10, ref random);
        }

        // 1.3 on average: 30% of the draws round up. Five standard deviations is about 0.016.
        double mean = (double)total / n;
        Assert.InRange(mean, 1.3 - 0.016, 1.3 + 0.016);
    }

    [Fact]
    public void TheSameSeedGivesTheSameDraws()
    {
        var a = new SplitMix64(7);
        var b = new SplitMix64(7);
        var c = new SplitMix64(8);
        ulong[] fromA = [a.Next(), a.Next(), a.Next()];
        ulong[] fromB = [b.Next(), b.Next(), b.Next()];
        Assert.Equal(fromA, fromB);
        Assert.NotEqual(fromA[0], c.Next());
    }

    [Fact]
    public void ANonPositiveDivisorIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WideRounding.DivideHalfEven(1, 0));
    }
}
