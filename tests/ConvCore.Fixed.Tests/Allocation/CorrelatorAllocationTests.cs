using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Allocation;

/// <summary>
/// Every Correlator overload allocates nothing per call, on the vector and the scalar paths,
/// in valid and same modes, with 16-bit and 32-bit lanes and with lane and per-lane
/// requantisation.
/// </summary>
public class CorrelatorAllocationTests
{
    // Small on purpose (the scalar twin runs 1,000 times per probe), yet wide enough for a
    // 32-pixel Vector256 block inside the border of a 5x5 kernel.
    private const int W = 36;
    private const int H = 6;

    private static readonly byte[] Input8 = Pixels();
    private static readonly short[] Input16 = Array.ConvertAll(Pixels(), p => (short)(p - 128));

    public static TheoryData<string, BorderMode, CorrelationPath> Cases()
    {
        // sobel-x takes 16-bit lanes, gaussian5 32-bit lanes.
        var data = new TheoryData<string, BorderMode, CorrelationPath>();
        foreach (BorderMode mode in Enum.GetValues<BorderMode>())
        {
            foreach (CorrelationPath cap in new[] { CorrelationPath.Scalar, CorrelationPath.Vector128, CorrelationPath.Vector256 })
            {
                data.Add("sobel-x", mode, cap);
            }

            data.Add("gaussian5", mode, CorrelationPath.Vector256);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EightBitToRawInt32AllocatesNothing(string kernelName, BorderMode mode, CorrelationPath cap)
    {
        (FixedKernel k, CorrelationOptions options, int ow, int oh) = Setup(kernelName, mode, cap);
        var output = new int[ow * oh];

        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<int>(output, ow, oh), options));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EightBitToInt16AllocatesNothing(string kernelName, BorderMode mode, CorrelationPath cap)
    {
        (FixedKernel k, CorrelationOptions options, int ow, int oh) = Setup(kernelName, mode, cap);
        var output = new short[ow * oh];
        Requantizer lanes = Requantizer.ForKernel(k.FractionBits);
        var perLane = new Requantizer(3, 7);

        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<short>(output, ow, oh), lanes, options));
        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<short>(output, ow, oh), perLane, options));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EightBitToByteAllocatesNothing(string kernelName, BorderMode mode, CorrelationPath cap)
    {
        (FixedKernel k, CorrelationOptions options, int ow, int oh) = Setup(kernelName, mode, cap);
        var output = new byte[ow * oh];
        Requantizer lanes = Requantizer.ForKernel(k.FractionBits);
        var perLane = new Requantizer(5, 9);

        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<byte>(output, ow, oh), lanes, options));
        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<byte>(output, ow, oh), perLane, options));
    }

    [Theory]
    [InlineData(BorderMode.Valid)]
    [InlineData(BorderMode.SameZero)]
    [InlineData(BorderMode.SameReplicate)]
    public void SixteenBitInputAllocatesNothing(BorderMode mode)
    {
        // The 16-bit-input overloads have only the scalar path, whatever the cap.
        (FixedKernel k, CorrelationOptions options, int ow, int oh) = Setup("sobel-x", mode, CorrelationPath.Vector256);
        var output16 = new short[ow * oh];
        var output32 = new int[ow * oh];
        var rq = new Requantizer(7, 4);

        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<short>(Input16, W, H), k, new Plane<short>(output16, ow, oh), rq, options));
        AllocationProbe.AssertAllocatesNothing(() => Correlator.Correlate(new ReadOnlyPlane<short>(Input16, W, H), k, new Plane<int>(output32, ow, oh), rq, options));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvolveAllocatesNothingOnceTheFlippedKernelIsCached(string kernelName, BorderMode mode, CorrelationPath cap)
    {
        (FixedKernel k, CorrelationOptions options, int ow, int oh) = Setup(kernelName, mode, cap);
        var output16 = new short[ow * oh];
        var output32 = new int[ow * oh];
        Requantizer rq = Requantizer.ForKernel(k.FractionBits);

        AllocationProbe.AssertAllocatesNothing(() => Correlator.Convolve(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<short>(output16, ow, oh), rq, options));
        AllocationProbe.AssertAllocatesNothing(() => Correlator.Convolve(new ReadOnlyPlane<byte>(Input8, W, H), k, new Plane<int>(output32, ow, oh), options));
    }

    private static (FixedKernel Kernel, CorrelationOptions Options, int OutputWidth, int OutputHeight) Setup(string kernelName, BorderMode mode, CorrelationPath cap)
    {
        // A fresh kernel each test, so Convolve's first call really builds the flipped kernel.
        FixedKernel k = KernelCatalogue.GetKernel(kernelName).WithName(kernelName + "-probe");
        var options = new CorrelationOptions(mode) { MaxPath = cap };
        CorrelationGeometry g = Correlator.Geometry(W, H, k, options);
        return (k, options, g.OutputWidth, g.OutputHeight);
    }

    private static byte[] Pixels()
    {
        var p = new byte[W * H];
        new Random(3).NextBytes(p);
        return p;
    }
}
