namespace ConvCore.Fixed.Diagnostics;

/// <summary>
/// The outcome of <see cref="SelfTest.Run(int, int)"/>: the CPU features seen and every
/// path checked. Passes when no vector path differed from its scalar twin; with no vector
/// path on this CPU (or intrinsics switched off) there is nothing to differ, and
/// <see cref="Paths"/> is empty.
/// </summary>
public sealed record SelfTestReport(CpuFeatures Cpu, int Seed, IReadOnlyList<SelfTestPathResult> Paths)
{
    public bool Passed => Paths.All(p => p.Passed);

    public int TotalCases => Paths.Sum(p => p.Cases);

    public int TotalMismatches => Paths.Sum(p => p.Mismatches);
}
