using System.Runtime.Intrinsics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Diagnostics;

namespace ConvCore.Fixed.Tests.Twins;

public class SelfTestTests
{
    [Fact]
    public void PassesAndChecksEveryAcceleratedPathOnThisMachine()
    {
        SelfTestReport report = SelfTest.Run();

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Paths.Where(p => !p.Passed)));
        Assert.Equal(CpuFeatures.Current, report.Cpu);
        int widths = (Vector128.IsHardwareAccelerated ? 1 : 0) + (Vector256.IsHardwareAccelerated ? 1 : 0);
        Assert.Equal(widths * 2 * 5 * 3, report.Paths.Count);
        Assert.All(report.Paths, p => Assert.Equal(SelfTest.DefaultCasesPerPath, p.Cases));
        Assert.Equal(0, report.TotalMismatches);
        Assert.Equal(Vector256.IsHardwareAccelerated, report.Paths.Any(p => p.Name == "int16-lanes Vector256 3x3 -> int16"));
        Assert.Equal(Vector128.IsHardwareAccelerated, report.Paths.Any(p => p.Name == "int32-lanes Vector128 kxk -> uint8"));
        Assert.All(report.Paths, p => Assert.True(p.Path != CorrelationPath.Scalar));
    }

    [Fact]
    public void ReportsADeliberatelyWrongPathByNameWithItsFirstDifference()
    {
        const string broken = "int32-lanes Vector128 5x5 -> uint8";

        SelfTestReport report = SelfTest.Run(seed: 99, casesPerPath: 2, corrupt: name => name == broken);

        if (!Vector128.IsHardwareAccelerated)
        {
            // No vector path here, so nothing could be damaged or checked.
            Assert.Empty(report.Paths);
            Assert.True(report.Passed);
            return;
        }

        Assert.False(report.Passed);
        SelfTestPathResult bad = Assert.Single(report.Paths, p => !p.Passed);
        Assert.Equal(broken, bad.Name);
        Assert.Equal(2, bad.Mismatches);
        Assert.StartsWith("case 0: output (0, 0)", bad.FirstMismatch);
        Assert.Contains("scalar twin", bad.FirstMismatch);
        Assert.Contains("5x5 kernel", bad.FirstMismatch);
    }

    [Fact]
    public void TheSameSeedGivesTheSameReport()
    {
        SelfTestReport a = SelfTest.Run(seed: 5, casesPerPath: 1);
        SelfTestReport b = SelfTest.Run(seed: 5, casesPerPath: 1);

        Assert.Equal(a.Paths, b.Paths);
        Assert.Equal(5, a.Seed);
    }

    [Fact]
    public void RefusesFewerThanOneCasePerPath()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SelfTest.Run(casesPerPath: 0));
        Assert.Equal("casesPerPath", e.ParamName);
    }
}
