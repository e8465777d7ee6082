using ConvCore.Fixed.Gradient;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Gradient;

public class IntegerSqrtTests
{
    /// <summary>r is floor(sqrt(n)) exactly when r^2 &lt;= n &lt; (r + 1)^2 (checked in UInt128, no overflow).</summary>
    private static void AssertIsFloorSqrt(ulong n, uint r)
    {
        Assert.True((UInt128)r * r <= n, $"{r}^2 > {n}");
        Assert.True(((UInt128)r + 1) * ((UInt128)r + 1) > n, $"({r} + 1)^2 <= {n}");
    }

    [Fact]
    public void EveryValueUpTo70000IsExact()
    {
        for (uint n = 0; n <= 70_000; n++)
        {
            AssertIsFloorSqrt(n, IntegerSqrt.Floor(n));
        }
    }

    [Fact]
    public void ExactAroundEveryPerfectSquareTheGradientsCanReach()
    {
        // gx^2 + gy^2 <= 2 x 32768^2 = 2^31, whose root is 46340.95
        var wrong = new List<ulong>();
        for (ulong r = 1; r <= 46_341; r++)
        {
            ulong sq = r * r;
            if (IntegerSqrt.Floor((uint)(sq - 1)) != r - 1 || IntegerSqrt.Floor((uint)sq) != r || IntegerSqrt.Floor((uint)(sq + 1)) != r)
            {
                wrong.Add(r);
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(uint.MaxValue, 65535u)]
    [InlineData(4294836225u, 65535u)]   // 65535^2
    [InlineData(4294836224u, 65534u)]   // 65535^2 - 1
    [InlineData(2147483648u, 46340u)]   // 2^31
    public void UIntEdges(uint n, uint expected) => Assert.Equal(expected, IntegerSqrt.Floor(n));

    [Theory]
    [InlineData(ulong.MaxValue, 4294967295u)]
    [InlineData(18446744065119617025UL, 4294967295u)] // (2^32 - 1)^2
    [InlineData(18446744065119617024UL, 4294967294u)] // (2^32 - 1)^2 - 1
    [InlineData(4503599761588225UL, 67108865u)]       // (2^26 + 1)^2
    [InlineData(4503599761588224UL, 67108864u)]       // (2^26 + 1)^2 - 1: (uint)Math.Sqrt gives 67108865 here
    [InlineData(4294967296UL, 65536u)]                // 2^32: the first value on the ulong path
    public void ULongEdges(ulong n, uint expected) => Assert.Equal(expected, IntegerSqrt.Floor(n));

    [Fact]
    public void RandomULongsNearPerfectSquares()
    {
        var gen =
            from r in Gen.Frequency((1, Gen.UInt), (1, Gen.UInt[uint.MaxValue - 1000, uint.MaxValue]))
            from delta in Gen.Long[-3, 3]
            select (r, delta);

        SeededSamples.Run(gen, 314159, 20_000, c =>
        {
            UInt128 sq = (UInt128)c.r * c.r;
            UInt128 n = c.delta < 0 ? sq - (UInt128)(-c.delta) : sq + (UInt128)c.delta;
            if (n > ulong.MaxValue || (c.delta < 0 && sq < (UInt128)(-c.delta)))
            {
                return;
            }

            AssertIsFloorSqrt((ulong)n, IntegerSqrt.Floor((ulong)n));
        });
    }
}
