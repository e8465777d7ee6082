using System.Numerics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using CsCheck;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>
/// Q-format kernels: the requantised output is bit-exact against
/// saturate(round_half_even((acc + bias) x multiplier / 2^shift)) computed in BigInteger.
/// </summary>
public class FractionalKernelExactnessTests
{
    /// <summary>A fraction-bit count and a requantiser: half the time the plain 1 / 2^fractionBits, else a random scale near it.</summary>
    private static readonly Gen<(int FractionBits, int Multiplier, int Shift)> Scale =
        from fb in Gen.Int[1, 15]
        from plain in Gen.Bool
        from m in Gen.Frequency((2, Gen.Int[1, 1000]), (1, Gen.Int[1, Requantizer.MaxMultiplier]), (1, Gen.Const(Requantizer.MaxMultiplier)))
        from nudge in Gen.Int[-3, 3]
        select plain
            ? (fb, 1, fb)
            : (fb, m, Math.Clamp(fb + (32 - BitOperations.LeadingZeroCount((uint)m)) + nudge, 0, Requantizer.MaxShift));

    [Fact]
    public void Int16AndByteOutputsMatchBigIntegerRequantisation()
    {
        var gen = from c in CorrelationCase.Generate(40, 8, 4) from s in Scale select (c, s);

        SeededSamples.Run(gen, 404, 400, t =>
        {
            var (c, s) = t;
            var (oh, ow) = c.OutputSize;
            var kernel = FixedKernel.Create("q", c.KernelRows, c.KernelCols, c.Weights, s.FractionBits, c.Bias);
            var requantizer = new Requantizer(s.Multiplier, s.Shift);
            var int16 = new short[oh * ow];
            var bytes = new byte[oh * ow];

            Correlator.Correlate(IntegerKernelExactnessTests.Input(c), kernel, new Plane<short>(int16, ow, oh), requantizer, c.Options);
            Correlator.Correlate(IntegerKernelExactnessTests.Input(c), kernel, new Plane<byte>(bytes, ow, oh), requantizer, c.Options);

            long[] acc = c.Accumulators();
            Assert.Equal(acc.Select(a => (short)BigRounding.Requantize(a, c.Bias, s.Multiplier, s.Shift, short.MinValue, short.MaxValue)), int16);
            Assert.Equal(acc.Select(a => (byte)BigRounding.Requantize(a, c.Bias, s.Multiplier, s.Shift, 0, 255)), bytes);
        });
    }

    [Fact]
    public void SixteenBitInputLayersMatchBigIntegerRequantisation()
    {
        var value = Gen.Frequency((1, Gen.Const(short.MinValue)), (1, Gen.Const(short.MaxValue)), (4, Gen.Short));
        var gen =
            from c in CorrelationCase.Generate(12, 8, 4)
            from map in value.Array[c.Pixels.Length]
            from s in Scale
            select (c, map, s);

        SeededSamples.Run(gen, 505, 300, t =>
        {
            var (c, map, s) = t;
            var (oh, ow) = c.OutputSize;
            var kernel = FixedKernel.Create("q", c.KernelRows, c.KernelCols, c.Weights, s.FractionBits, c.Bias);
            var requantizer = new Requantizer(s.Multiplier, s.Shift);
            var input = new ReadOnlyPlane<short>(map, c.Width, c.Height, c.Stride);
            var int16 = new short[oh * ow];
            var int32 = new int[oh * ow];

            Correlator.Correlate(input, kernel, new Plane<short>(int16, ow, oh), requantizer, c.Options);
            Correlator.Correlate(input, kernel, new Plane<int>(int32, ow, oh), requantizer, c.Options);

            long[] acc = ReferenceCorrelation.Accumulate(map, c.Width, c.Height, c.Stride, c.Weights, c.KernelRows, c.KernelCols, c.Mode, c.StrideY, c.StrideX);
            Assert.Equal(acc.Select(a => (short)BigRounding.Requantize(a, c.Bias, s.Multiplier, s.Shift, short.MinValue, short.MaxValue)), int16);
            Assert.Equal(acc.Select(a => (int)BigRounding.Requantize(a, c.Bias, s.Multiplier, s.Shift, int.MinValue, int.MaxValue)), int32);
        });
    }

    [Theory]
    [InlineData(24, 2)]   // 24 / 16 = 1.5 -> 2
    [InlineData(40, 2)]   // 40 / 16 = 2.5 -> 2
    [InlineData(56, 4)]   // 3.5 -> 4
    [InlineData(-40, -2)] // -2.5 -> -2
    [InlineData(-24, -2)] // -1.5 -> -2
    [InlineData(25, 2)]   // 1.5625 -> 2
    [InlineData(23, 1)]   // 1.4375 -> 1
    public void ExactHalvesRoundToEven(int weight, short expected)
    {
        // A 1x1 kernel of weight / 16 on a pixel of 1: the output is weight / 16 rounded.
        var kernel = FixedKernel.FromIntegers("q", 1, 1, [weight], fractionBits: 4);
        byte[] one = [1];
        var output = new short[1];

        Correlator.Correlate(new ReadOnlyPlane<byte>(one, 1, 1), kernel, new Plane<short>(output, 1, 1), Requantizer.ForKernel(4), CorrelationOptions.Valid);

        Assert.Equal(expected, output[0]);
    }
}
