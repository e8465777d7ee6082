using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Arguments;

public class KernelArgumentTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void FractionBitsOutOfRangeAreRefusedEverywhere(int fractionBits)
    {
        var c = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.Create("k", 1, 1, [1], fractionBits));
        var i = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.FromIntegers("k", 1, 1, [1], fractionBits));
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.FromReal("k", 1, 1, [0.5], fractionBits, 0, out _));

        foreach (var e in new[] { c, i, r })
        {
            Assert.Equal("fractionBits", e.ParamName);
            Assert.Contains("between 0 and 15", e.Message);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteWeightsNameValuesAndTheWeight(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => FixedKernel.FromReal("k", 1, 3, [0.25, bad, 0.5], 8, 0, out _));

        Assert.Equal("values", e.ParamName);
        Assert.Contains("Weight 1", e.Message);
        Assert.Contains("must be finite", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteBiasIsNamed(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => FixedKernel.FromReal("k", 1, 1, [0.5], 8, bad, out _));

        Assert.Equal("bias", e.ParamName);
        Assert.Contains("must be a finite number", e.Message);
    }

    [Fact]
    public void BiasBeyondInt32IsNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.FromReal("k", 1, 1, [0.5], 15, 70000, out _));

        Assert.Equal("bias", e.ParamName);
        Assert.Contains("does not fit int32", e.Message);
    }

    [Theory]
    [InlineData(0, 3, "rows", "rows must be at least 1")]
    [InlineData(-2, 3, "rows", "rows must be at least 1")]
    [InlineData(3, 0, "cols", "cols must be at least 1")]
    public void ZeroOrNegativeKernelSizesAreNamed(int rows, int cols, string param, string text)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.FromIntegers("k", rows, cols, [1, 2, 3]));

        Assert.Equal(param, e.ParamName);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void WrongWeightCountSaysHowManyAreNeeded()
    {
        var e = Assert.Throws<ArgumentException>(() => FixedKernel.Create("k", 2, 3, [1, 2, 3, 4, 5]));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("2x3 kernel needs 6 weights but 5 were given", e.Message);
    }

    [Theory]
    [InlineData(32768)]
    [InlineData(-32769)]
    public void IntegerWeightsOutsideInt16AreNamed(int bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FixedKernel.FromIntegers("k", 1, 2, [0, bad]));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("Weight 1", e.Message);
        Assert.Contains("outside int16", e.Message);
    }

    [Theory]
    [InlineData(0, 4, "multiplier", "between 1 and 2^30")]
    [InlineData(-5, 4, "multiplier", "between 1 and 2^30")]
    [InlineData((1 << 30) + 1, 4, "multiplier", "between 1 and 2^30")]
    [InlineData(1, -1, "shift", "between 0 and 62")]
    [InlineData(1, 63, "shift", "between 0 and 62")]
    public void RequantizerOutOfRangeIsNamed(int multiplier, int shift, string param, string text)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Requantizer(multiplier, shift));

        Assert.Equal(param, e.ParamName);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void RequantizerLimitsThemselvesAreAccepted()
    {
        var top = new Requantizer(Requantizer.MaxMultiplier, Requantizer.MaxShift);
        var bottom = new Requantizer(1, 0);

        Assert.Equal((1 << 30, 62), (top.Multiplier, top.Shift));
        Assert.Equal((1, 0), (bottom.Multiplier, bottom.Shift));
    }
}
