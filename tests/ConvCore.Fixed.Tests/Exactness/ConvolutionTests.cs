using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using CsCheck;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>Convolution is correlation with the kernel rotated 180 degrees, and equals the textbook sum.</summary>
public class ConvolutionTests
{
    [Fact]
    public void SeedInputConvolvedWithTheSeedKernel()
    {
        // conv(X, [[0,1],[2,3]]) = corr(X, [[3,2],[1,0]]): 3x0 + 2x1 + 1x3 + 0x4 = 5, then 11, 23, 29
        byte[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8];
        var k = FixedKernel.FromIntegers("k", 2, 2, [0, 1, 2, 3]);
        var y = new int[4];

        Correlator.Convolve(new ReadOnlyPlane<byte>(x, 3, 3), k, new Plane<int>(y, 2, 2), CorrelationOptions.Valid);

        Assert.Equal([5, 11, 23, 29], y);
    }

    [Fact]
    public void ValidConvolutionEqualsTheTextbookSum()
    {
        // (X * K)(i, j) = sum over (a, b) of K(a, b) X(i + kh - 1 - a, j + kw - 1 - b): the kernel
        // slides flipped, so its last cell meets the window's first pixel.
        var gen =
            from kh in Gen.Int[1, 4]
            from kw in Gen.Int[1, 4]
            from h in Gen.Int[kh, 9]
            from w in Gen.Int[kw, 40]
            from pixels in CorrelationCase.Pixel.Array[h * w]
            from weights in CorrelationCase.Weight.Array[kh * kw]
            select (kh, kw, h, w, pixels, weights);

        SeededSamples.Run(gen, 606, 300, c =>
        {
            int oh = c.h - c.kh + 1, ow = c.w - c.kw + 1;
            var kernel = FixedKernel.Create("k", c.kh, c.kw, c.weights);
            var raw = new int[oh * ow];
            var int16 = new short[oh * ow];
            var input = new ReadOnlyPlane<byte>(c.pixels, c.w, c.h);

            Correlator.Convolve(input, kernel, new Plane<int>(raw, ow, oh), CorrelationOptions.Valid);
            Correlator.Convolve(input, kernel, new Plane<short>(int16, ow, oh), Requantizer.Identity, CorrelationOptions.Valid);

            for (int i = 0; i < oh; i++)
            {
                for (int j = 0; j < ow; j++)
                {
                    long sum = 0;
                    for (int a = 0; a < c.kh; a++)
                    {
                        for (int b = 0; b < c.kw; b++)
                        {
                            sum += c.weights[(a * c.kw) + b] * c.pixels[((i + c.kh - 1 - a) * c.w) + j + c.kw - 1 - b];
                        }
                    }

                    Assert.Equal(sum, raw[(i * ow) + j]);
                    Assert.Equal(Math.Clamp(sum, short.MinValue, short.MaxValue), int16[(i * ow) + j]);
                }
            }
        });
    }

    [Fact]
    public void ConvolutionEqualsCorrelationWithTheRotatedKernelInEveryMode()
    {
        SeededSamples.Run(CorrelationCase.Generate(40, 8, 4), 707, 300, c =>
        {
            var (oh, ow) = c.OutputSize;
            var kernel = FixedKernel.Create("k", c.KernelRows, c.KernelCols, c.Weights, 0, c.Bias);
            var raw = new int[oh * ow];
            var int16 = new short[oh * ow];

            Correlator.Convolve(IntegerKernelExactnessTests.Input(c), kernel, new Plane<int>(raw, ow, oh), c.Options);
            Correlator.Convolve(IntegerKernelExactnessTests.Input(c), kernel, new Plane<short>(int16, ow, oh), Requantizer.Identity, c.Options);

            // rotated by index here, not with FixedKernel.Flipped, so the two are checked against each other
            long[] expected = ReferenceCorrelation.Accumulate(c.Pixels, c.Width, c.Height, c.Stride, ReferenceCorrelation.Rotate180(c.Weights), c.KernelRows, c.KernelCols, c.Mode, c.StrideY, c.StrideX);
            Assert.Equal(expected.Select(a => (int)a), raw);
            Assert.Equal(expected.Select(a => (short)Math.Clamp(a + c.Bias, short.MinValue, short.MaxValue)), int16);
        });
    }

    [Fact]
    public void FlippingTwiceGivesTheKernelBack()
    {
        var k = FixedKernel.FromIntegers("k", 2, 3, [1, 2, 3, 4, 5, 6]);

        Assert.Equal([6, 5, 4, 3, 2, 1], k.Flipped().Weights.ToArray());
        Assert.Equal(k.Weights.ToArray(), k.Flipped().Flipped().Weights.ToArray());
        Assert.Same(k.Flipped(), k.Flipped()); // cached: convolving in a frame loop allocates nothing
    }
}
