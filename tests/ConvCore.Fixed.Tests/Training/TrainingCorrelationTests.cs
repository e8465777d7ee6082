using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;
using CsCheck;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>The trainer's two correlations: the forward pass and the gradient.</summary>
public class TrainingCorrelationTests
{
    private static readonly Gen<(int W, int H, int Stride, int Kh, int Kw, byte[] X, short[] K)> ForwardCases =
        from w in Gen.Int[1, 40]
        from h in Gen.Int[1, 20]
        from pad in Gen.Int[0, 5]
        from kh in Gen.Int[1, Math.Min(h, 16)]
        from kw in Gen.Int[1, Math.Min(w, 16)]
        from x in Gen.Byte.Array[((h - 1) * (w + pad)) + w]
        from k in Gen.Short.Array[kh * kw]
        select (w, h, w + pad, kh, kw, x, k);

    [Fact]
    public void TheForwardPassIsBitIdenticalToTheCorrelatorsRawOutput()
    {
        ForwardCases.Sample(c =>
        {
            var input = new ReadOnlyPlane<byte>(c.X, c.W, c.H, c.Stride);
            var kernel = FixedKernel.Create("k", c.Kh, c.Kw, c.K, 12);
            int ow = c.W - c.Kw + 1, oh = c.H - c.Kh + 1;
            var expected = new int[ow * oh];
            var actual = new int[ow * oh];
            Correlator.Correlate(input, kernel, new Plane<int>(expected, ow, oh), CorrelationOptions.ScalarOnly);

            ForwardCorrelation.Correlate(input, kernel.NonZeroTaps, new Plane<int>(actual, ow, oh));

            Assert.Equal(expected, actual);
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void TheGradientIsTheCorrelationOfTheInputWithTheErrorMap()
    {
        var cases =
            from w in Gen.Int[1, 30]
            from h in Gen.Int[1, 30]
            from ew in Gen.Int[1, w]
            from eh in Gen.Int[1, h]
            from x in Gen.Byte.Array[w * h]
            from e in Gen.Int.Array[ew * eh]
            select (w, h, ew, eh, x, e);
        cases.Sample(c =>
        {
            int rows = c.h - c.eh + 1, cols = c.w - c.ew + 1;
            var actual = new long[rows * cols];

            GradientCorrelation.Correlate(new ReadOnlyPlane<byte>(c.x, c.w, c.h), new ReadOnlyPlane<int>(c.e, c.ew, c.eh), actual);

            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    Int128 sum = 0;
                    for (int y = 0; y < c.eh; y++)
                    {
                        for (int x = 0; x < c.ew; x++)
                        {
                            sum += (Int128)c.e[(y * c.ew) + x] * c.x[((y + i) * c.w) + x + j];
                        }
                    }

                    Assert.Equal(sum, (Int128)actual[(i * cols) + j]);
                }
            }
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void TheGradientOfTheWorstCaseErrorMapIsExact()
    {
        // Every error at int.MinValue and every pixel 255: the largest magnitude the sums meet.
        const int w = 300, h = 300;
        var x = Enumerable.Repeat((byte)255, w * h).ToArray();
        var e = Enumerable.Repeat(int.MinValue, (w - 2) * (h - 2)).ToArray();
        var g = new long[9];

        GradientCorrelation.Correlate(new ReadOnlyPlane<byte>(x, w, h), new ReadOnlyPlane<int>(e, w - 2, h - 2), g);

        Assert.All(g, v => Assert.Equal(255L * int.MinValue * (w - 2) * (h - 2), v));
    }

    [Fact]
    public void AnErrorMapLargerThanTheInputIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            GradientCorrelation.Correlate(new ReadOnlyPlane<byte>(new byte[4], 2, 2), new ReadOnlyPlane<int>(new int[9], 3, 3), new long[1]));
        Assert.Equal("errors", ex.ParamName);
    }
}
