using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>
/// One vector path checked against the scalar twin, e.g. "int16-lanes Vector256 3x3 -> int16":
/// how many cases ran, how many differed, and the first difference in words.
/// </summary>
public sealed record SelfTestPathResult(string Name, CorrelationPath Path, int Cases, int Mismatches, string? FirstMismatch)
{
    public bool Passed => Mismatches == 0;

    public override string ToString() =>
        Passed ? $"{Name}: {Cases} cases identical" : $"{Name}: {Mismatches} of {Cases} cases differ; first: {FirstMismatch}";
}
