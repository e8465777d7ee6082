using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// The columns every table needs (Mpix/s, Min, Median, the min-based ratio) and, unless the
/// command line names a job, one "Frame" job short enough that all 48 cases finish in about
/// ten minutes on a 2-core machine: one process per case, 3 warm-up and 15 measured
/// iterations of about 250 ms each (BenchmarkDotNet's default job takes over an hour here).
/// </summary>
public sealed class FrameJobConfig : ManualConfig
{
    public const int WarmupIterations = 3;

    public const int MeasuredIterations = 15;

    public const int IterationMilliseconds = 250;

    public FrameJobConfig(bool addFrameJob)
    {
        // Loggers, exporters, the standard columns and validators: everything a config passed
        // to the switcher would otherwise lack.
        Add(DefaultConfig.Instance);
        if (addFrameJob)
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(WarmupIterations)
                .WithIterationCount(MeasuredIterations)
                .WithIterationTime(TimeInterval.FromMilliseconds(IterationMilliseconds))
                .WithId("Frame"));
            HideColumns(Column.Job, Column.LaunchCount, Column.WarmupCount, Column.IterationCount, Column.IterationTime);
        }

        AddColumn(new MegapixelsPerSecondColumn(), new MinimumRatioColumn(), StatisticColumn.Min, StatisticColumn.Median);
        // One unit per column (us, bytes) with the unit in the header, so tables and the CSV
        // compare at a glance and parse without unit suffixes.
        SummaryStyle = new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.B, TimeUnit.Microsecond,
            printUnitsInContent: false, printZeroValuesInContent: true, ratioStyle: RatioStyle.Value);
    }
}
