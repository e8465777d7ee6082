using System.Numerics;
using ConvCore.Fixed.Pooling;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Pooling;

/// <summary>The integer pieces AreaDownscale is built from, each against its definition.</summary>
public class AreaArithmeticTests
{
    [Fact]
    public void SpanWalkerEqualsTheDefinitionAtEveryStep()
    {
        for (int source = 1; source <= 40; source++)
        {
            for (int destination = 1; destination <= source; destination++)
            {
                var walker = new AreaSpanWalker(source, destination);
                int weightTotal = 0;
                for (int d = 0; d < destination; d++)
                {
                    AreaSpan span = walker.Next();
                    Assert.Equal(AreaSpan.Of(d, source, destination), span);
                    for (int s = span.First; s <= span.Last; s++)
                    {
                        weightTotal += s == span.First ? span.FirstWeight : s == span.Last ? span.LastWeight : span.FullWeight;
                    }
                }

                // every source pixel is covered exactly once in total: n units each
                Assert.Equal(source * destination, weightTotal);
            }
        }
    }

    [Fact]
    public void SpanOfSevenIntoThreeHasTheHandWorkedWeights()
    {
        // source pixels are 3 units, destination pixels 7: [0,7) [7,14) [14,21)
        Assert.Equal(new AreaSpan(0, 2, 3, 1, 3), AreaSpan.Of(0, 7, 3));
        Assert.Equal(new AreaSpan(2, 4, 2, 2, 3), AreaSpan.Of(1, 7, 3));
        Assert.Equal(new AreaSpan(4, 6, 1, 3, 3), AreaSpan.Of(2, 7, 3));
    }

    [Fact]
    public void RoundingDividerEqualsBigIntegerDivision()
    {
        var gen =
            from d in Gen.Frequency((1, Gen.UInt[2, 64]), (1, Gen.UInt[2, uint.MaxValue]), (1, Gen.Const(uint.MaxValue)), (1, Gen.Const(3u)))
            from k in Gen.UInt
            from n in Gen.Frequency((2, Gen.UInt), (1, Gen.Const(uint.MaxValue)), (1, Gen.Const(0u)))
            select (d, k, n);

        SeededSamples.Run(gen, 99, 5000, c =>
        {
            var divider = new RoundingDivider(c.d);
            Assert.Equal(BigRounding.DivideHalfEven(c.n, c.d), (BigInteger)divider.Divide(c.n));

            // exact halves: n = q d + d/2 for even d, the case the rounding rule is about
            if (c.d % 2 == 0)
            {
                ulong half = ((ulong)(c.k % (uint.MaxValue / c.d)) * c.d) + (c.d / 2);
                if (half <= uint.MaxValue)
                {
                    Assert.Equal(BigRounding.DivideHalfEven(half, c.d), (BigInteger)divider.Divide((uint)half));
                }
            }
        });
    }

    [Fact]
    public void FitsOnlyWhenEverySumStaysBelowTwoToThe32()
    {
        Assert.True(RoundingDivider.Fits(uint.MaxValue / 255, 255));
        Assert.False(RoundingDivider.Fits((uint.MaxValue / 255) + 1, 255));
        Assert.False(RoundingDivider.Fits(1, 255)); // a divisor of 1 has no 64-bit inverse
    }

    [Fact]
    public void LongRoundingDivisionEqualsBigIntegerDivision()
    {
        var gen =
            from n in Gen.Frequency((3, Gen.Long), (1, Gen.Long[-100, 100]), (1, Gen.Const(long.MinValue + 1)), (1, Gen.Const(long.MaxValue)))
            from d in Gen.Frequency((3, Gen.Long[1, 1000]), (1, Gen.Long[1, long.MaxValue]))
            select (n, d);

        SeededSamples.Run(gen, 5, 5000, c =>
            Assert.Equal(BigRounding.DivideHalfEven(c.n, c.d), (BigInteger)IntegerDivision.RoundHalfEven(c.n, c.d)));
    }

    [Theory]
    [InlineData(5, 2, 2)]
    [InlineData(7, 2, 4)]
    [InlineData(-5, 2, -2)]
    [InlineData(-7, 2, -4)]
    [InlineData(-1, 3, 0)]
    [InlineData(-2, 3, -1)]
    [InlineData(long.MaxValue, 2, 4611686018427387904)]
    public void LongRoundingDivisionHandWorked(long n, long d, long expected) =>
        Assert.Equal(expected, IntegerDivision.RoundHalfEven(n, d));
}
