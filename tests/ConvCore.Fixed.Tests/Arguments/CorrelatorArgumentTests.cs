using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Arguments;

/// <summary>Bad calls to the correlator: each names the argument and says what is wrong.</summary>
public class CorrelatorArgumentTests
{
    private static readonly FixedKernel Sobel = KernelCatalogue.GetKernel("sobel-x");

    [Fact]
    public void MismatchedOutputSizeNamesOutputAndBothSizes()
    {
        var input = new byte[10 * 8];
        var output = new short[10 * 8];

        var e = Assert.Throws<ArgumentException>(() =>
            Correlator.Correlate(new ReadOnlyPlane<byte>(input, 10, 8), Sobel, new Plane<short>(output, 10, 8), Requantizer.Identity, CorrelationOptions.Valid));

        Assert.Equal("output", e.ParamName);
        Assert.Contains("10x8", e.Message);
        Assert.Contains("gives 8x6", e.Message);
    }

    [Fact]
    public void MismatchedOutputSizeIsRefusedOnEveryOverload()
    {
        var bytes = new byte[36];
        var shorts = new short[36];
        var ints = new int[36];
        var options = new CorrelationOptions(BorderMode.SameZero);

        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Correlator.Correlate(new ReadOnlyPlane<byte>(bytes, 6, 6), Sobel, new Plane<int>(ints, 5, 6), options)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Correlator.Correlate(new ReadOnlyPlane<byte>(bytes, 6, 6), Sobel, new Plane<byte>(bytes, 6, 5), Requantizer.Identity, options)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Correlator.Correlate(new ReadOnlyPlane<short>(shorts, 6, 6), Sobel, new Plane<short>(shorts, 4, 4), Requantizer.Identity, options)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Correlator.Correlate(new ReadOnlyPlane<short>(shorts, 6, 6), Sobel, new Plane<int>(ints, 6, 1), Requantizer.Identity, options)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Correlator.Convolve(new ReadOnlyPlane<byte>(bytes, 6, 6), Sobel, new Plane<int>(ints, 4, 4), CorrelationOptions.Valid with { Mode = BorderMode.SameReplicate })).ParamName);
    }

    [Theory]
    [InlineData(2, 10, "3 rows but the input only 2")]
    [InlineData(10, 2, "3 columns but the input only 2")]
    public void KernelLargerThanTheInputInValidModeNamesKernel(int height, int width, string text)
    {
        var input = new byte[height * width];
        var output = new int[1];

        var e = Assert.Throws<ArgumentException>(() =>
            Correlator.Correlate(new ReadOnlyPlane<byte>(input, width, height), Sobel, new Plane<int>(output, 1, 1), CorrelationOptions.Valid));

        Assert.Equal("kernel", e.ParamName);
        Assert.Contains(text, e.Message);
        Assert.Contains("valid mode needs the kernel to fit", e.Message);
    }

    [Fact]
    public void KernelLargerThanTheInputIsFineInSameModes()
    {
        byte[] input = [10, 20];
        var output = new int[2];

        Correlator.Correlate(new ReadOnlyPlane<byte>(input, 2, 1), Sobel, new Plane<int>(output, 2, 1), new CorrelationOptions(BorderMode.SameReplicate));

        // replicate: every row reads [10, 10, 20] / [10, 20, 20]; weights -1,0,1 x (1+2+1)
        Assert.Equal([40, 40], output);
    }

    [Fact]
    public void MoreThan256TapsAreRefusedOnThe8BitPathOnly()
    {
        var big = FixedKernel.FromIntegers("17x17", 17, 17, Enumerable.Repeat(1, 289).ToArray());
        var bytes = new byte[17 * 17];
        var shorts = Enumerable.Repeat((short)2, 17 * 17).ToArray();
        var one = new short[1];

        var e = Assert.Throws<ArgumentException>(() =>
            Correlator.Correlate(new ReadOnlyPlane<byte>(bytes, 17, 17), big, new Plane<short>(one, 1, 1), Requantizer.Identity, CorrelationOptions.Valid));
        Correlator.Correlate(new ReadOnlyPlane<short>(shorts, 17, 17), big, new Plane<short>(one, 1, 1), Requantizer.Identity, CorrelationOptions.Valid);

        Assert.Equal("kernel", e.ParamName);
        Assert.Contains("289 taps", e.Message);
        Assert.Contains("at most 256", e.Message);
        Assert.Equal(578, one[0]); // the 16-bit path accumulates in a long: any tap count
    }

    [Fact]
    public void SixteenBySixteenIsTheLargestSquareThe8BitPathTakes()
    {
        var k = FixedKernel.FromIntegers("16x16", 16, 16, Enumerable.Repeat(-32768, 256).ToArray());
        var input = Enumerable.Repeat((byte)255, 256).ToArray();
        var output = new int[1];

        Correlator.Correlate(new ReadOnlyPlane<byte>(input, 16, 16), k, new Plane<int>(output, 1, 1), CorrelationOptions.Valid);

        Assert.Equal(255 * -32768 * 256, output[0]); // the worst case still fits int32
    }

    [Theory]
    [InlineData(0, 1, "StrideY must be at least 1")]
    [InlineData(1, -2, "StrideX must be at least 1")]
    public void StridesBelowOneNameOptions(int strideY, int strideX, string text)
    {
        var input = new byte[25];
        var output = new int[25];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Correlator.Correlate(new ReadOnlyPlane<byte>(input, 5, 5), Sobel, new Plane<int>(output, 3, 3), CorrelationOptions.Valid with { StrideY = strideY, StrideX = strideX }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void NullKernelIsRefused()
    {
        var input = new byte[4];
        var output = new int[4];

        var e = Assert.Throws<ArgumentNullException>(() =>
            Correlator.Correlate(new ReadOnlyPlane<byte>(input, 2, 2), null!, new Plane<int>(output, 2, 2), CorrelationOptions.Valid));

        Assert.Equal("kernel", e.ParamName);
    }
}
