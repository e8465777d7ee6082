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
            var rows = new[]
            {
                MeasureCore(filter, w, h, TimeSpan.FromSeconds(s)),
                MeasurePipeline(filter, w, h, mw, mh, TimeSpan.FromSeconds(s)),
            };
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

    public static BenchMeasurement MeasureCore(Filter filter, int width, int height, TimeSpan duration)
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

        (double fps, double bytes) = Measure(Once, duration);
        return new BenchMeasurement("core", filter.Name, width, height, PathName(path), fps * width * height / 1e6, fps, bytes);
    }

    public static BenchMeasurement MeasurePipeline(Filter filter, int width, int height, int matrixWidth, int matrixHeight, TimeSpan duration)
    {
        var frame = SyntheticFrame(width, height);
        var options = new PipelineOptions { WorkWidth = 0, WorkHeight = 0 };
        var pipeline = new FramePipeline(options, new DisplayCapabilities(matrixWidth, matrixHeight, ColorDepth.Rgb24), filter);
        (double fps, double bytes) = Measure(() => pipeline.Process(frame), duration);
        return new BenchMeasurement("pipeline", filter.Name, width, height, PathName(pipeline.LastPath), fps * width * height / 1e6, fps, bytes);
    }

    private static (double FramesPerSecond, double BytesPerFrame) Measure(Action once, TimeSpan duration)
    {
        // Warm up so tiered compilation has produced the optimised code before timing.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromMilliseconds(Math.Min(500, duration.TotalMilliseconds / 2)))
        {
            once();
        }

        long frames = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < duration)
        {
            once();
            frames++;
        }

        sw.Stop();

        // Allocation is counted over a plain loop with nothing else in it, so only the
        // frame's own allocations show (the timing loop's bookkeeping is not the frame's).
        int counted = (int)Math.Clamp(frames, 1, 100);
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < counted; i++)
        {
            once();
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return (frames / sw.Elapsed.TotalSeconds, bytes / (double)counted);
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
