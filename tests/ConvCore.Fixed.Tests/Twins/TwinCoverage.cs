using System.Runtime.Intrinsics;
using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// Proof that a twin test compared something: on hardware that accelerates a vector width,
/// that path ran for both lane families; without it, no run claimed a vector path.
/// </summary>
internal static class TwinCoverage
{
    public static void AssertVectorPathsRan(TwinRunner runner)
    {
        AssertPath(runner, CorrelationPath.Vector128, Vector128.IsHardwareAccelerated);
        AssertPath(runner, CorrelationPath.Vector256, Vector256.IsHardwareAccelerated);
    }

    private static void AssertPath(TwinRunner runner, CorrelationPath path, bool accelerated)
    {
        foreach (string family in new[] { "int16-lanes", "int32-lanes" })
        {
            int runs = runner.CountOf(path, family);
            if (accelerated)
            {
                Assert.True(runs > 0, $"{path} is accelerated here but no {family} case ran on it.");
            }
            else
            {
                Assert.True(runs == 0, $"{path} is not accelerated here yet {runs} {family} runs reported it.");
            }
        }
    }
}
