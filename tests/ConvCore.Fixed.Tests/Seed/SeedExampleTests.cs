using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Tests.Seed;

/// <summary>The worked examples of the study notes (d2l section 6.2), reproduced exactly.</summary>
public class SeedExampleTests
{
    [Fact]
    public void Corr2dOfTheThreeByThreeExampleIs19_25_37_43()
    {
        byte[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8];
        var k = FixedKernel.FromIntegers("k", 2, 2, [0, 1, 2, 3]);
        var y = new int[4];

        Correlator.Correlate(new ReadOnlyPlane<byte>(x, 3, 3), k, new Plane<int>(y, 2, 2), CorrelationOptions.Valid);

        Assert.Equal([19, 25, 37, 43], y);
    }

    [Fact]
    public void EdgeKernelFindsBothVerticalEdgesOfTheSixByEightImage()
    {
        byte[] x = SixByEight();
        var k = FixedKernel.FromIntegers("edge-x", 1, 2, [1, -1]);
        var y = new int[6 * 7];

        Correlator.Correlate(new ReadOnlyPlane<byte>(x, 8, 6), k, new Plane<int>(y, 7, 6), CorrelationOptions.Valid);

        for (int r = 0; r < 6; r++)
        {
            Assert.Equal([0, 1, 0, 0, 0, -1, 0], y.AsSpan(r * 7, 7).ToArray());
        }
    }

    [Fact]
    public void TheTransposedImageGivesAnEightByFiveMapOfZeros()
    {
        byte[] x = SixByEight();
        var xt = new byte[8 * 6];
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 8; c++)
            {
                xt[(c * 6) + r] = x[(r * 8) + c];
            }
        }

        var k = FixedKernel.FromIntegers("edge-x", 1, 2, [1, -1]);
        var geometry = Correlator.Geometry(6, 8, k, CorrelationOptions.Valid);
        Assert.Equal((5, 8), (geometry.OutputWidth, geometry.OutputHeight));
        var y = Enumerable.Repeat(99, 8 * 5).ToArray();

        Correlator.Correlate(new ReadOnlyPlane<byte>(xt, 6, 8), k, new Plane<int>(y, 5, 8), CorrelationOptions.Valid);

        Assert.All(y, v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(3, 3, 2, 2)]
    [InlineData(6, 8, 1, 2)]
    [InlineData(8, 6, 1, 2)]
    [InlineData(480, 640, 3, 3)]
    [InlineData(5, 5, 5, 5)]
    [InlineData(1, 70, 1, 1)]
    [InlineData(9, 1, 4, 1)]
    public void OutputSizeIsInputMinusKernelPlusOne(int nh, int nw, int kh, int kw)
    {
        var k = FixedKernel.FromIntegers("k", kh, kw, new int[kh * kw]);
        var g = Correlator.Geometry(nw, nh, k, CorrelationOptions.Valid);
        Assert.Equal(nh - kh + 1, g.OutputHeight);
        Assert.Equal(nw - kw + 1, g.OutputWidth);
    }

    internal static byte[] SixByEight()
    {
        var x = new byte[6 * 8];
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 8; c++)
            {
                x[(r * 8) + c] = (byte)(c is >= 2 and <= 5 ? 0 : 1);
            }
        }

        return x;
    }
}
