using BenchmarkDotNet.Running;
using ConvCore.Fixed.Benchmarks.Harness;

namespace ConvCore.Fixed.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so any subset runs with --filter (see
/// docs/PERFORMANCE.md for the exact commands).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // A job named on the command line (--job Dry for a smoke test, --job Short, ...) runs
        // instead of the Frame job, not beside it.
        bool jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new FrameJobConfig(addFrameJob: !jobGiven));
    }
}
