using System.Runtime.Intrinsics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// The corners of the numeric contract, each on every path: the largest accumulators the
/// 8-bit path allows, kernels exactly at and just over the 16-bit-lane bound, every Q format,
/// biases at the ends of int32 and multipliers other than 1.
/// </summary>
public class ExtremeTwinTests
{
    [Theory]
    [InlineData(short.MinValue)]
    [InlineData(short.MaxValue)]
    public void TheLargest256TapKernelOnSaturatedPixelsMatches(short weight)
    {
        // 16x16 taps of +-32767/-32768 on all-255 pixels: |acc| = 255 x 32768 x 256 at most,
        // the bound that makes int32 accumulation safe.
        var kernel = FixedKernel.Create("extreme", 16, 16, Enumerable.Repeat(weight, 256).ToArray());
        var runner = new TwinRunner();
        foreach (BorderMode mode in Enum.GetValues<BorderMode>())
        {
            Requantizer rq = mode == BorderMode.SameZero ? new Requantizer(3, 9) : new Requantizer(1, 15);
            runner.AssertTwinsAgree(Case(kernel, rq, mode, width: 50, height: 17, pixel: 255));
        }

        Assert.False(kernel.FitsInt16Accumulator);
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(-128, true)]
    [InlineData(129, false)]
    [InlineData(-129, false)]
    public void KernelsAtAndJustOverTheInt16LaneBoundMatch(int sumOfWeights, bool fitsInt16)
    {
        // Three taps whose |weights| add up to the bound: on all-255 pixels the sum reaches
        // 255 x 128 = 32640 <= 32767 (fits), or 255 x 129 = 32895 (must use 32-bit lanes).
        int third = sumOfWeights / 3;
        var kernel = FixedKernel.FromIntegers("bound", 1, 3, [third, third, sumOfWeights - (2 * third)]);
        Assert.Equal(fitsInt16, kernel.FitsInt16Accumulator);

        var runner = new TwinRunner();
        foreach (BorderMode mode in Enum.GetValues<BorderMode>())
        {
            runner.AssertTwinsAgree(Case(kernel, Requantizer.Identity, mode, width: 50, height: 3, pixel: 255));
            runner.AssertTwinsAgree(Case(kernel, new Requantizer(1, 1), mode, width: 50, height: 3, pixel: 255));
        }
    }

    [Fact]
    public void EveryQFormatWithItsOwnRequantizerMatches()
    {
        var generator = new TwinCaseGenerator(1515);
        var runner = new TwinRunner();
        for (int fractionBits = 1; fractionBits <= FixedKernel.MaxFractionBits; fractionBits++)
        {
            var values = new double[9];
            var random = new Random(fractionBits);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (random.NextDouble() * 2) - 1;
            }

            FixedKernel kernel = FixedKernel.FromReal($"q{fractionBits}", 3, 3, values, fractionBits, bias: 0.25, out _);
            TwinCase c = generator.Next(3, 3, 41, 5, BorderMode.SameReplicate) with { Kernel = kernel, Requantizer = Requantizer.ForKernel(fractionBits) };
            runner.AssertTwinsAgree(c);
        }

        TwinCoverage.AssertVectorPathsRan(runner);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue - 32640)]
    [InlineData(int.MinValue + 32641)]
    [InlineData(1 << 30)]
    public void BiasesAtTheEndsOfInt32Match(int bias)
    {
        // With sobel-x the int16-lane bound is 255 x 8; large biases push (acc + bias) to and
        // past the edge of int32, where the lanes must hand over to the scalar requantiser.
        FixedKernel sobel = KernelCatalogue.GetKernel("sobel-x").WithBias(bias);
        FixedKernel wide = FixedKernel.FromIntegers("wide", 3, 3, [-32768, 0, 32767, -32768, 0, 32767, -32768, 0, 32767], 0, bias);
        var runner = new TwinRunner();
        foreach (FixedKernel kernel in new[] { sobel, wide })
        {
            foreach (Requantizer rq in new[] { Requantizer.Identity, new Requantizer(1, 16), new Requantizer(1, 31), new Requantizer(1, 40), new Requantizer(5, 3) })
            {
                runner.AssertTwinsAgree(Case(kernel, rq, BorderMode.SameZero, width: 37, height: 6, pixel: -1));
            }
        }

        TwinCoverage.AssertVectorPathsRan(runner);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(1000, 10)]
    [InlineData(Requantizer.MaxMultiplier, 30)]
    [InlineData(Requantizer.MaxMultiplier, Requantizer.MaxShift)]
    public void MultipliersOtherThanOneMatch(int multiplier, int shift)
    {
        var runner = new TwinRunner();
        foreach (string name in new[] { "edge-x", "sobel-y", "box3", "gaussian5", "laplacian8" })
        {
            FixedKernel kernel = KernelCatalogue.GetKernel(name);
            runner.AssertTwinsAgree(Case(kernel, new Requantizer(multiplier, shift), BorderMode.SameReplicate, width: 53, height: 7, pixel: -1));
            runner.AssertTwinsAgree(Case(kernel.WithBias(-77), new Requantizer(multiplier, shift), BorderMode.Valid, width: 53, height: 7, pixel: -1));
        }

        TwinCoverage.AssertVectorPathsRan(runner);
    }

    [Fact]
    public void AnAllZeroKernelGivesTheBiasAloneOnEveryPath()
    {
        // No non-zero taps: the vector tap loop runs zero times and only the bias remains.
        FixedKernel zero = FixedKernel.FromIntegers("zero", 3, 3, new int[9], 0, bias: 300);
        var runner = new TwinRunner();
        foreach (BorderMode mode in Enum.GetValues<BorderMode>())
        {
            runner.AssertTwinsAgree(Case(zero, Requantizer.Identity, mode, width: 40, height: 4, pixel: -1));
            runner.AssertTwinsAgree(Case(zero, new Requantizer(1, 2), mode, width: 40, height: 4, pixel: -1));
        }

        Assert.Empty(zero.NonZeroTaps.ToArray());
        Assert.Equal(Vector128.IsHardwareAccelerated, runner.CountOf(CorrelationPath.Vector128, "int16-lanes") > 0);
    }

    /// <summary>A case with every pixel = <paramref name="pixel"/>, or seeded 0/255 stripes and noise when it is -1.</summary>
    private static TwinCase Case(FixedKernel kernel, Requantizer rq, BorderMode mode, int width, int height, int pixel)
    {
        int stride = width + 5;
        var pixels = new byte[((height - 1) * stride) + width];
        if (pixel >= 0)
        {
            Array.Fill(pixels, (byte)pixel);
        }
        else
        {
            new Random(width * height).NextBytes(pixels);
            for (int i = 0; i < pixels.Length; i += 7)
            {
                pixels[i] = (byte)((i / 7) % 2 == 0 ? 0 : 255);
            }
        }

        return new TwinCase(width, height, stride, pixels, kernel, mode, rq, pixel >= 0 ? $"all-{pixel}" : "noise+0/255");
    }
}
