using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>
/// Checks every vector path this CPU runs against its scalar twin on seeded random inputs
/// and edge sizes, and reports what it checked. For a new device (and CI under emulation):
/// a path that differs by one bit is a bug in the JIT, the hardware or this library. Does
/// no I/O; the program's selftest verb prints the report.
/// </summary>
public static class SelfTest
{
    /// <summary>
    /// Cases per path by default: 2 lane families x 5 shapes x 3 outputs x this, per vector
    /// width, stays at a few seconds even under emulation.
    /// </summary>
    public const int DefaultCasesPerPath = 6;

    private static readonly (int Rows, int Cols, string Name)[] Shapes =
        [(1, 2, "1x2"), (2, 1, "2x1"), (3, 3, "3x3"), (5, 5, "5x5"), (0, 0, "kxk")];

    private static readonly (SelfTestOutput Output, string Name)[] Outputs =
        [(SelfTestOutput.Int32, "int32"), (SelfTestOutput.Int16, "int16"), (SelfTestOutput.UInt8, "uint8")];

    /// <summary>Runs the check; the same seed gives the same cases on every machine.</summary>
    public static SelfTestReport Run(int seed = 1234, int casesPerPath = DefaultCasesPerPath) => Run(seed, casesPerPath, corrupt: null);

    /// <param name="corrupt">Test hook: paths (by name) whose vector result is deliberately damaged before comparing.</param>
    internal static SelfTestReport Run(int seed, int casesPerPath, Func<string, bool>? corrupt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(casesPerPath, 1);
        CpuFeatures cpu = CpuFeatures.Current;
        var results = new List<SelfTestPathResult>();
        int pathIndex = 0;
        foreach ((CorrelationPath path, int blockWidth) in AvailablePaths(cpu))
        {
            foreach (bool int16Lanes in new[] { true, false })
            {
                foreach ((int rows, int cols, string shape) in Shapes)
                {
                    foreach ((SelfTestOutput output, string outputName) in Outputs)
                    {
                        string name = $"{(int16Lanes ? "int16-lanes" : "int32-lanes")} {path} {shape} -> {outputName}";
                        bool damage = corrupt?.Invoke(name) ?? false;
                        var generator = new SelfTestCaseGenerator(unchecked(seed + (7919 * ++pathIndex)));
                        int mismatches = 0;
                        string? first = null;
                        for (int i = 0; i < casesPerPath; i++)
                        {
                            SelfTestCase c = generator.Next(int16Lanes, rows, cols, blockWidth, i);
                            string? difference = SelfTestTwin.Compare(c, output, path, damage);
                            if (difference is not null)
                            {
                                mismatches++;
                                first ??= $"case {i}: {difference}";
                            }
                        }

                        results.Add(new SelfTestPathResult(name, path, casesPerPath, mismatches, first));
                    }
                }
            }
        }

        return new SelfTestReport(cpu, seed, results);
    }

    /// <summary>The vector widths this process accelerates, with their block width in pixels.</summary>
    private static IEnumerable<(CorrelationPath Path, int BlockWidth)> AvailablePaths(CpuFeatures cpu)
    {
        if (cpu.Vector256Accelerated)
        {
            yield return (CorrelationPath.Vector256, VectorInt16Lanes256.Width);
        }

        if (cpu.Vector128Accelerated)
        {
            yield return (CorrelationPath.Vector128, VectorInt16Lanes128.Width);
        }
    }
}
