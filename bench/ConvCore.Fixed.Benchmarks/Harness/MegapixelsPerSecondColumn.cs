using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// Frame pixels per second in millions, from the mean time per frame and the benchmark's
/// Size parameter. Counts input pixels for every contender, so it is frames per second
/// times a constant.
/// </summary>
public sealed class MegapixelsPerSecondColumn : IColumn
{
    public string Id => nameof(MegapixelsPerSecondColumn);

    public string ColumnName => "Mpix/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Millions of input frame pixels per second (frame pixels / mean time per frame)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is null or <= 0 || benchmarkCase.Parameters["Size"] is not FrameSize size)
        {
            return "NA";
        }

        double megapixelsPerSecond = size.Pixels / (meanNs.Value / 1e9) / 1e6;
        return megapixelsPerSecond.ToString("F1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
