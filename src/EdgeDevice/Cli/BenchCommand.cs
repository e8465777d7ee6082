using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using EdgeDevice.Sources;

namespace EdgeDevice.Cli;

/// <summary>
/// `bench`: how fast this machine runs the core alone and the whole pipeline, with the vector
/// path that ran and the bytes allocated per frame, so a user can measure their own Pi. (The
/// BenchmarkDotNet suite under bench/ is the careful measurement; this is the quick one.)
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var size = new Option<string>("--size") { Description = "Frame size WxH.", DefaultValueFactory = _ => "640x480" };
        var kernel = new Option<string>("--kernel") { Description = "Kernel name or file.", DefaultValueFactory = _ => "sobel-x" };
        var matrix = new Option<string>("--matrix") { Description = "LED matrix size WxH for the pipeline stage.", DefaultValueFactory = _ => "8x8" };
        var seconds = new Option<double>("--seconds") { Description = "Seconds to measure each stage.", DefaultValueFactory = _ => 2.0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON array instead of a table." };
        var command = new Command("bench", "Measure the correlation core and the whole pipeline on this machine.") { size, kernel, matrix, seconds, json };
        command.SetAction(parse =>
        {
            (int w, int h) = CommonOptions.ParseSize("--size", parse.GetValue(size)!);
            (int mw, int mh) = CommonOptions.ParseSize("--matrix", parse.GetValue(matrix)!);
            double s = parse.GetValue(seconds);
            if (!double.IsFinite(s) || s <= 0 || s > 600)
            {
                throw new UserInputException($"--seconds {s} must be between 0 and 600.");
            }

            Filter filter = KernelResolver.Resolve(parse.GetValue(kernel)!);
            BenchMeasurement[] rows = MeasureBoth(filter, w, h, mw, mh, TimeSpan.FromSeconds(s));
            if (parse.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(rows, BenchJsonContext.Default.BenchMeasurementArray));
            }
            else
            {
                WriteTable(env.Out, rows);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The core and the pipeline measured in alternating rounds of about 20 ms, each stage
    /// <paramref name="duration"/> in all, each rate the median of its rounds. On a machine shared
    /// with other work, load drifts over seconds: measured one after the other, the two stages
    /// would see different machines and their ratio would mean little; alternating, both see the
    /// same, and the median drops the rounds another process interrupted.
    /// </summary>
    public static BenchMeasurement[] MeasureBoth(Filter filter, int width, int height, int matrixWidth, int matrixHeight, TimeSpan duration)
    {
        (Action core, Func<BenchMeasurement> coreRow) = CoreStage(filter, width, height);
        (Action pipeline, Func<BenchMeasurement> pipelineRow) = PipelineStage(filter, width, height, matrixWidth, matrixHeight);
        Warm(() =>
        {
            core();
            pipeline();
        }, duration);

        var coreRates = new List<double>();
        var pipelineRates = new List<double>();
        TimeSpan coreTime = TimeSpan.Zero, pipelineTime = TimeSpan.Zero;
        long coreFrames = 0, pipelineFrames = 0;
        while (coreTime < duration || pipelineTime < duration)
        {
            coreTime += Round(core, coreRates, ref coreFrames);
            pipelineTime += Round(pipeline, pipelineRates, ref pipelineFrames);
        }

        return [Result(coreRow(), coreRates, core, coreFrames), Result(pipelineRow(), pipelineRates, pipeline, pipelineFrames)];
    }

    /// <summary>A stage's row with the median of its rounds' rates and its bytes per frame.</summary>
    private static BenchMeasurement Result(BenchMeasurement row, List<double> rates, Action once, long frames)
    {
        double fps = Median(rates);
        return row with { FramesPerSecond = fps, MpixPerSecond = fps * row.Width * row.Height / 1e6, BytesAllocatedPerFrame = BytesPerFrame(once, frames) };
    }

    /// <summary>One frame of the core alone, and its row (rates still zero) naming the path that ran.</summary>
    private static (Action Once, Func<BenchMeasurement> Row) CoreStage(Filter filter, int width, int height)
    {
        var frame = SyntheticFrame(width, height);
        FixedKernel[] kernels = filter switch
        {
            KernelFilter k => [k.Kernel],
            GradientMagnitudeFilter g => [g.X, g.Y],
            _ => throw new UserInputException($"Kernel {filter.Name} cannot be benchmarked."),
        };
        var geometry = Correlator.Geometry(width, height, kernels[0], CorrelationOptions.Valid);
        var output = new short[geometry.OutputWidth * geometry.OutputHeight];
        CorrelationPath path = CorrelationPath.Scalar;
        void Once()
        {
            foreach (FixedKernel k in kernels)
            {
                path = Correlator.Correlate(frame.AsPlane(), k, new Plane<short>(output, geometry.OutputWidth, geometry.OutputHeight), Requantizer.ForKernel(k.FractionBits), CorrelationOptions.Valid);
            }
        }

        return (Once, () => new BenchMeasurement("core", filter.Name, width, height, PathName(path), 0, 0, 0));
    }

    /// <summary>One frame of the whole pipeline at the native work size, and its row (rates still zero).</summary>
    private static (Action Once, Func<BenchMeasurement> Row) PipelineStage(Filter filter, int width, int height, int matrixWidth, int matrixHeight)
    {
        var frame = SyntheticFrame(width, height);
        var options = new PipelineOptions { WorkWidth = 0, WorkHeight = 0 };
        var pipeline = new FramePipeline(options, new DisplayCapabilities(matrixWidth, matrixHeight, ColorDepth.Rgb24), filter);
        return (() => pipeline.Process(frame), () => new BenchMeasurement("pipeline", filter.Name, width, height, PathName(pipeline.LastPath), 0, 0, 0));
    }

    /// <summary>Runs until tiered compilation has produced the optimised code.</summary>
    private static void Warm(Action once, TimeSpan duration)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromMilliseconds(Math.Min(500, duration.TotalMilliseconds / 2)))
        {
            once();
        }
    }

    /// <summary>Frames for about 20 ms (at least one); adds the round's rate and returns its time.</summary>
    private static TimeSpan Round(Action once, List<double> rates, ref long total)
    {
        long frames = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            once();
            frames++;
        }
        while (sw.ElapsedMilliseconds < 20);

        sw.Stop();
        rates.Add(frames / sw.Elapsed.TotalSeconds);
        total += frames;
        return sw.Elapsed;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>
    /// Bytes per frame over a plain loop with nothing else in it, so only the frame's own
    /// allocations show (the timing loop's bookkeeping is not the frame's).
    /// </summary>
    private static double BytesPerFrame(Action once, long framesMeasured)
    {
        int counted = (int)Math.Clamp(framesMeasured, 1, 100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < counted; i++)
        {
            once();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)counted;
    }

    private static LumaFrame SyntheticFrame(int width, int height)
    {
        var frame = new LumaFrame(width, height);
        SyntheticPattern.Render(7, frame.AsWritablePlane());
        return frame;
    }

    private static string PathName(CorrelationPath path) => path.ToString().ToLowerInvariant();

    private static void WriteTable(TextWriter o, IEnumerable<BenchMeasurement> rows)
    {
        o.WriteLine($"{"stage",-9} {"kernel",-11} {"size",-10} {"path",-10} {"Mpix/s",9} {"frames/s",9} {"B/frame",8}");
        foreach (var r in rows)
        {
            string size = $"{r.Width}x{r.Height}";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Stage,-9} {r.Kernel,-11} {size,-10} {r.Path,-10} {r.MpixPerSecond,9:F1} {r.FramesPerSecond,9:F1} {r.BytesAllocatedPerFrame,8:F0}"));
        }
    }
}
