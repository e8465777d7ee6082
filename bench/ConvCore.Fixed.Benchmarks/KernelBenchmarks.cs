using BenchmarkDotNet.Attributes;
using ConvCore.Fixed.Benchmarks.Baselines;
using ConvCore.Fixed.Benchmarks.Harness;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Benchmarks;

/// <summary>
/// Time and managed allocation per frame of one valid-mode correlation, 8-bit frame to int16
/// feature map, for each kernel and frame size: our core (fastest path, and capped at the
/// scalar specification), OpenCV's single-threaded filter2D (the baseline of every Ratio)
/// and the seed's float corr2d.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private static readonly CorrelationOptions ScalarOptions = CorrelationOptions.Valid with { MaxPath = CorrelationPath.Scalar };

    private InputFrame _input = null!;
    private FixedKernel _kernel = null!;
    private Requantizer _requantizer;
    private OutputFrame _ours = null!;
    private OutputFrame _oursScalar = null!;
    private OutputFrame _openCv = null!;
    private OpenCvFilter2D _filter2D = null!;
    private float[,] _seedX = null!;
    private float[,] _seedK = null!;

    [ParamsSource(nameof(Sizes))]
    public FrameSize Size { get; set; } = FrameSize.Standard[0];

    public static IEnumerable<FrameSize> Sizes => FrameSize.Standard;

    [Params("sobel-x", "laplacian4", "edge-x", "gaussian5", BenchKernels.LearnedQ12)]
    public string Kernel { get; set; } = "sobel-x";

    [GlobalSetup]
    public void Setup()
    {
        OpenCvSharp.Cv2.SetNumThreads(1);
        _input = new InputFrame(Size);
        _kernel = BenchKernels.Get(Kernel);
        _requantizer = Requantizer.ForKernel(_kernel.FractionBits);
        CorrelationGeometry g = Correlator.Geometry(_input.Size.Width, _input.Size.Height, _kernel, CorrelationOptions.Valid);
        _ours = new OutputFrame(g.OutputWidth, g.OutputHeight, _input.Stride);
        _oursScalar = new OutputFrame(g.OutputWidth, g.OutputHeight, _input.Stride);
        _openCv = new OutputFrame(Size.Width, Size.Height, _input.Stride);
        _filter2D = new OpenCvFilter2D(_input, _kernel, _openCv);
        _seedX = SeedCorr2d.ToFloat(_input.Pixels, _input.Size.Width, _input.Size.Height, _input.Stride);
        _seedK = BenchKernels.RealWeights(_kernel);
        CheckContendersAgree();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _filter2D.Dispose();
        _ours.Dispose();
        _oursScalar.Dispose();
        _openCv.Dispose();
        _input.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Filter2D() => _filter2D.Run();

    [Benchmark]
    public CorrelationPath Ours() =>
        Correlator.Correlate(_input.Plane, _kernel, _ours.Plane, _requantizer, CorrelationOptions.Valid);

    [Benchmark]
    public CorrelationPath OursScalar() =>
        Correlator.Correlate(_input.Plane, _kernel, _oursScalar.Plane, _requantizer, ScalarOptions);

    [Benchmark]
    public float[,] SeedFloatCorr2d() => SeedCorr2d.Corr2d(_seedX, _seedK);

    private void CheckContendersAgree()
    {
        CorrelationPath path = Ours();
        OursScalar();
        Filter2D();
        float[,] seed = SeedFloatCorr2d();
        Console.WriteLine($"// ours used {path} for {Kernel} at {Size}");

        // Integer kernels are exact everywhere. A fractional kernel rounds its real result
        // once: OpenCV rounds a float sum (so a tie may land one step away), the seed keeps it.
        bool integer = _kernel.FractionBits == 0;
        OutputCheck.Agree($"ours {path} vs scalar", _oursScalar, (y, x) => _ours[y, x], 0);
        OutputCheck.Agree("ours vs Cv2.Filter2D", _ours, (y, x) => _openCv[y + _filter2D.AnchorY, x + _filter2D.AnchorX], integer ? 0 : 1);
        OutputCheck.Agree("ours vs seed float corr2d", _ours, (y, x) => seed[y, x], integer ? 0 : 0.51);
    }
}
