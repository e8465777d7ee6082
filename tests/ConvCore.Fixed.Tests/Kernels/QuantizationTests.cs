using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Tests.Kernels;

/// <summary>What FixedKernel.FromReal reports for the catalogue's kernels.</summary>
public class QuantizationTests
{
    public static TheoryData<string> KernelNames =>
        new(KernelCatalogue.Names.Where(n => KernelCatalogue.Get(n) is KernelFilter));

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void QuantisingTheRealValuesGivesBackTheSameWeights(string name)
    {
        FixedKernel k = KernelCatalogue.GetKernel(name);

        FixedKernel again = FixedKernel.FromReal(name, k.Rows, k.Cols, k.RealValues().AsSpan(), k.FractionBits, 0, out QuantizationReport report);

        Assert.Equal(k.Weights.ToArray(), again.Weights.ToArray());
        Assert.Equal(0, report.MaxAbsError);
        Assert.Equal(0, report.SaturatedCount);
        Assert.Equal(1.0 / (1 << k.FractionBits), report.Step);
    }

    [Theory]
    [InlineData("gaussian3", 16, 4)]
    [InlineData("gaussian5", 256, 8)]
    public void GaussiansAreExactInTheirFractionBits(string name, int divisor, int fractionBits)
    {
        // The documented values: integer weights / divisor, as real numbers.
        FixedKernel k = KernelCatalogue.GetKernel(name);
        double[] values = k.Weights.ToArray().Select(w => w / (double)divisor).ToArray();

        FixedKernel q = FixedKernel.FromReal(name, k.Rows, k.Cols, values, fractionBits, 0, out QuantizationReport report);

        Assert.Equal(k.Weights.ToArray(), q.Weights.ToArray());
        Assert.Equal(0, report.MaxAbsError);
    }

    [Fact]
    public void Box3InQ12ReportsTheErrorOfOneNinth()
    {
        double ninth = 1.0 / 9.0;

        FixedKernel q = FixedKernel.FromReal("box3", 3, 3, Enumerable.Repeat(ninth, 9).ToArray(), 12, 0, out QuantizationReport report);

        // 1/9 x 4096 = 455.11 -> 455, and 1/9 - 455/4096 = (4096 - 9 x 455) / (9 x 4096) = 1/36864 exactly.
        Assert.All(q.Weights.ToArray(), w => Assert.Equal(455, w));
        Assert.Equal(1.0 / 36864, report.MaxAbsError, 1e-15);
        Assert.Equal(0, report.SaturatedCount);
        Assert.True(report.MaxAbsError <= report.Step / 2);
        Assert.Equal(q.Weights.ToArray(), KernelCatalogue.GetKernel("box3").Weights.ToArray());
    }

    [Fact]
    public void IntegerKernelsAreExactWithZeroFractionBits()
    {
        foreach (string name in new[] { "identity", "edge-x", "sobel-x", "scharr-y", "laplacian8", "sharpen", "emboss" })
        {
            FixedKernel k = KernelCatalogue.GetKernel(name);
            double[] values = k.Weights.ToArray().Select(w => (double)w).ToArray();

            FixedKernel.FromReal(name, k.Rows, k.Cols, values, 0, 0, out QuantizationReport report);

            Assert.Equal(0, report.MaxAbsError);
            Assert.Equal(0, k.FractionBits);
        }
    }
}
