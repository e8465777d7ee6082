using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// This case's fastest iteration divided by its baseline's fastest iteration.
/// </summary>
/// <remarks>
/// On a shared 2-core machine other processes only ever add time, so the minimum is the
/// steadiest estimate of what the code itself costs; this ratio moves far less between runs
/// than the mean-based Ratio column when the machine is busy.
/// </remarks>
public sealed class MinimumRatioColumn : IColumn
{
    public string Id => nameof(MinimumRatioColumn);

    public string ColumnName => "Ratio(Min)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Fastest iteration of this case / fastest iteration of the baseline in the same group";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        double? min = summary[benchmarkCase]?.ResultStatistics?.Min;
        double? baselineMin = baseline is null ? null : summary[baseline]?.ResultStatistics?.Min;
        if (min is null || baselineMin is null or <= 0)
        {
            return "NA";
        }

        return (min.Value / baselineMin.Value).ToString("F2", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
