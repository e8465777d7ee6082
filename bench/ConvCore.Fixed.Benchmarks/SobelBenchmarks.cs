using BenchmarkDotNet.Attributes;
using ConvCore.Fixed.Benchmarks.Baselines;
using ConvCore.Fixed.Benchmarks.Harness;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Benchmarks;

/// <summary>
/// Sobel-x per frame against OpenCV's dedicated Sobel (the baseline of every Ratio here),
/// OpenCV's general filter2D with the same kernel, and ImageSharp's DetectEdges (Sobel pair
/// and magnitude: more work, shown for scale).
/// </summary>
[MemoryDiagnoser]
public class SobelBenchmarks
{
    private InputFrame _input = null!;
    private FixedKernel _kernel = null!;
    private Requantizer _requantizer;
    private OutputFrame _ours = null!;
    private OutputFrame _sobelOut = null!;
    private OutputFrame _filterOut = null!;
    private OpenCvSobel _cvSobel = null!;
    private OpenCvFilter2D _filter2D = null!;
    private ImageSharpSobel _imageSharp = null!;

    [ParamsSource(nameof(Sizes))]
    public FrameSize Size { get; set; } = FrameSize.Standard[0];

    public static IEnumerable<FrameSize> Sizes => FrameSize.Standard;

    [GlobalSetup]
    public void Setup()
    {
        OpenCvSharp.Cv2.SetNumThreads(1);
        _input = new InputFrame(Size);
        _kernel = KernelCatalogue.GetKernel("sobel-x");
        _requantizer = Requantizer.ForKernel(_kernel.FractionBits);
        CorrelationGeometry g = Correlator.Geometry(_input.Size.Width, _input.Size.Height, _kernel, CorrelationOptions.Valid);
        _ours = new OutputFrame(g.OutputWidth, g.OutputHeight, _input.Stride);
        _sobelOut = new OutputFrame(Size.Width, Size.Height, _input.Stride);
        _filterOut = new OutputFrame(Size.Width, Size.Height, _input.Stride);
        _cvSobel = new OpenCvSobel(_input, _sobelOut);
        _filter2D = new OpenCvFilter2D(_input, _kernel, _filterOut);
        _imageSharp = new ImageSharpSobel(_input);

        CorrelationPath path = Ours();
        CvSobel();
        Filter2D();
        ImageSharpDetectEdges();
        Console.WriteLine($"// ours used {path} for sobel-x at {Size}");
        // OpenCV's 'same' outputs hold our valid output one pixel in from the top-left.
        OutputCheck.Agree("ours vs Cv2.Sobel", _ours, (y, x) => _sobelOut[y + 1, x + 1], 0);
        OutputCheck.Agree("ours vs Cv2.Filter2D", _ours, (y, x) => _filterOut[y + 1, x + 1], 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _imageSharp.Dispose();
        _filter2D.Dispose();
        _ours.Dispose();
        _sobelOut.Dispose();
        _filterOut.Dispose();
        _input.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void CvSobel() => _cvSobel.Run();

    [Benchmark]
    public void Filter2D() => _filter2D.Run();

    [Benchmark]
    public CorrelationPath Ours() =>
        Correlator.Correlate(_input.Plane, _kernel, _ours.Plane, _requantizer, CorrelationOptions.Valid);

    [Benchmark]
    public void ImageSharpDetectEdges() => _imageSharp.Run();
}
