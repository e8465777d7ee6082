using System.Runtime.Intrinsics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// The dispatcher reports the path it used: the widest vector this machine accelerates and
/// the caller allows, Scalar when there is none (as under DOTNET_EnableHWIntrinsic=0).
/// </summary>
public class PathReportTests
{
    private static readonly FixedKernel SobelX = KernelCatalogue.GetKernel("sobel-x");

    public static TheoryData<CorrelationPath> Caps => [CorrelationPath.Scalar, CorrelationPath.Vector128, CorrelationPath.Vector256];

    [Theory]
    [MemberData(nameof(Caps))]
    public void AWideFrameReportsTheWidestAcceleratedPathUnderTheCap(CorrelationPath cap)
    {
        var input = new byte[640 * 48];
        var output = new short[640 * 48];
        var options = new CorrelationOptions(BorderMode.SameReplicate) { MaxPath = cap };

        CorrelationPath used = Correlator.Correlate(new ReadOnlyPlane<byte>(input, 640, 48), SobelX, new Plane<short>(output, 640, 48), Requantizer.Identity, options);

        Assert.Equal(Expected(cap), used);
    }

    [Fact]
    public void EveryOutputTypeAndLaneFamilyReportsTheSamePath()
    {
        var input = new byte[100 * 10];
        var raw = new int[98 * 8];
        var int16 = new short[98 * 8];
        var uint8 = new byte[98 * 8];
        var ro = new ReadOnlyPlane<byte>(input, 100, 10);
        CorrelationPath expected = Expected(CorrelationPath.Vector256);
        foreach (string name in new[] { "sobel-x", "box3", "gaussian5" })
        {
            FixedKernel k = KernelCatalogue.GetKernel(name);
            var g = Correlator.Geometry(100, 10, k, CorrelationOptions.Valid);
            Assert.Equal(expected, Correlator.Correlate(ro, k, new Plane<int>(raw, g.OutputWidth, g.OutputHeight), CorrelationOptions.Valid));
            Assert.Equal(expected, Correlator.Correlate(ro, k, new Plane<short>(int16, g.OutputWidth, g.OutputHeight), Requantizer.ForKernel(k.FractionBits), CorrelationOptions.Valid));
            Assert.Equal(expected, Correlator.Correlate(ro, k, new Plane<byte>(uint8, g.OutputWidth, g.OutputHeight), new Requantizer(3, 5), CorrelationOptions.Valid));
        }
    }

    [Fact]
    public void AnInteriorNarrowerThanOneBlockIsScalar()
    {
        // 16 columns with a 3x3 kernel leave a 14-pixel interior: less than one 16-pixel block.
        var input = new byte[16 * 16];
        var output = new short[16 * 16];

        CorrelationPath used = Correlator.Correlate(new ReadOnlyPlane<byte>(input, 16, 16), SobelX, new Plane<short>(output, 16, 16), Requantizer.Identity, new CorrelationOptions(BorderMode.SameZero));

        Assert.Equal(CorrelationPath.Scalar, used);
    }

    [Fact]
    public void StridedCorrelationIsScalar()
    {
        var input = new byte[128 * 8];
        var output = new short[64 * 4];

        CorrelationPath used = Correlator.Correlate(new ReadOnlyPlane<byte>(input, 128, 8), SobelX, new Plane<short>(output, 64, 4), Requantizer.Identity, new CorrelationOptions(BorderMode.SameZero, stride: 2));

        Assert.Equal(CorrelationPath.Scalar, used);
    }

    private static CorrelationPath Expected(CorrelationPath cap) =>
        cap >= CorrelationPath.Vector256 && Vector256.IsHardwareAccelerated ? CorrelationPath.Vector256
        : cap >= CorrelationPath.Vector128 && Vector128.IsHardwareAccelerated ? CorrelationPath.Vector128
        : CorrelationPath.Scalar;
}
