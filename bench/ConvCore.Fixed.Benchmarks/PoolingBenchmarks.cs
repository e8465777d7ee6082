using BenchmarkDotNet.Attributes;
using ConvCore.Fixed.Benchmarks.Harness;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Pooling;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Benchmarks;

/// <summary>
/// Max-abs pooling of the pipeline's feature map (sobel-x of the 640x480 synthetic scene,
/// valid mode, so 638x478) down to an LED matrix: <see cref="GridPooling.MaxAbs(ReadOnlyPlane{short}, Plane{short})"/>
/// against the scalar specification (<c>MaxAbsCell</c>, one plain scan per cell), which is
/// the baseline. Both outputs are compared before timing.
/// </summary>
[MemoryDiagnoser]
public class PoolingBenchmarks
{
    private const int FrameWidth = 640;
    private const int FrameHeight = 480;
    private short[] _feature = [];
    private short[] _pooled = [];
    private short[] _reference = [];
    private int _featureWidth;
    private int _featureHeight;
    private int _gridWidth;
    private int _gridHeight;

    /// <summary>The LED matrices of the pipeline table in docs/PERFORMANCE.md.</summary>
    [Params("64x32", "16x16", "8x8")]
    public string Matrix { get; set; } = "64x32";

    [GlobalSetup]
    public void Setup()
    {
        var frame = new byte[FrameWidth * FrameHeight];
        SyntheticScene.Render(frame, new FrameSize(FrameWidth, FrameHeight), FrameWidth);
        FixedKernel kernel = KernelCatalogue.GetKernel("sobel-x");
        CorrelationGeometry g = Correlator.Geometry(FrameWidth, FrameHeight, kernel, CorrelationOptions.Valid);
        _featureWidth = g.OutputWidth;
        _featureHeight = g.OutputHeight;
        _feature = new short[_featureWidth * _featureHeight];
        Correlator.Correlate(new ReadOnlyPlane<byte>(frame, FrameWidth, FrameHeight), kernel,
            new Plane<short>(_feature, _featureWidth, _featureHeight), Requantizer.ForKernel(kernel.FractionBits), CorrelationOptions.Valid);

        string[] parts = Matrix.Split('x');
        _gridWidth = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _gridHeight = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _pooled = new short[_gridWidth * _gridHeight];
        _reference = new short[_gridWidth * _gridHeight];
        MaxAbs();
        ScalarSpecification();
        if (!_pooled.AsSpan().SequenceEqual(_reference))
        {
            throw new InvalidOperationException($"GridPooling.MaxAbs differs from the scalar specification at {Matrix}.");
        }
    }

    [Benchmark(Baseline = true, Description = "scalar spec (MaxAbsCell per cell)")]
    public short ScalarSpecification()
    {
        var input = new ReadOnlyPlane<short>(_feature, _featureWidth, _featureHeight);
        for (int gy = 0; gy < _gridHeight; gy++)
        {
            int y0 = PoolingGrid.CellStart(gy, _featureHeight, _gridHeight);
            int y1 = PoolingGrid.CellStart(gy + 1, _featureHeight, _gridHeight);
            for (int gx = 0; gx < _gridWidth; gx++)
            {
                int x0 = PoolingGrid.CellStart(gx, _featureWidth, _gridWidth);
                int x1 = PoolingGrid.CellStart(gx + 1, _featureWidth, _gridWidth);
                _reference[(gy * _gridWidth) + gx] = default(MaxAbsCell<short>).Summarise(input, y0, y1, x0, x1);
            }
        }

        return _reference[0];
    }

    [Benchmark(Description = "GridPooling.MaxAbs")]
    public short MaxAbs()
    {
        GridPooling.MaxAbs(new ReadOnlyPlane<short>(_feature, _featureWidth, _featureHeight), new Plane<short>(_pooled, _gridWidth, _gridHeight));
        return _pooled[0];
    }
}
