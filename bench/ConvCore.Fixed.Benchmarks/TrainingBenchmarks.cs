using BenchmarkDotNet.Attributes;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Benchmarks;

/// <summary>
/// One training step of a 3x3 student on a 64x64 crop (teacher sobel-x, pixels in [0, 1],
/// mean squared error): the fixed-point trainer against its double-precision reference.
/// The rate is tiny and stalls are not reported, so every iteration is a full step.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private const int Crop = 64;
    private readonly byte[] _x = new byte[Crop * Crop];
    private readonly short[] _y = new short[(Crop - 2) * (Crop - 2)];
    private readonly double[] _xd = new double[Crop * Crop];
    private readonly double[] _yd = new double[(Crop - 2) * (Crop - 2)];
    private FixedKernelTrainer _fixed = null!;
    private FloatKernelTrainer _float = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_x);
        FixedKernel teacher = KernelCatalogue.GetKernel("sobel-x");
        Correlator.Correlate(new ReadOnlyPlane<byte>(_x, Crop, Crop), teacher, new Plane<short>(_y, Crop - 2, Crop - 2), Requantizer.Identity, CorrelationOptions.Valid);
        for (int i = 0; i < _x.Length; i++)
        {
            _xd[i] = _x[i] / 256.0;
        }

        for (int i = 0; i < _y.Length; i++)
        {
            _yd[i] = _y[i] / 256.0;
        }

        var options = new KernelTrainerOptions
        {
            Rows = 3,
            Cols = 3,
            Loss = LossKind.MeanSquaredError,
            LearningRate = LearningRateSchedule.Constant(1e-4),
            Stopping = StoppingRule.Default with { StallPatience = 0, LossThreshold = 0 },
        };
        _fixed = new FixedKernelTrainer(options, FixedTrainingFormat.UnitPixels, Crop, Crop);
        _float = new FloatKernelTrainer(options);
    }

    [Benchmark(Baseline = true, Description = "float step (reference)")]
    public double FloatStep()
    {
        _float.Accumulate(new ReadOnlyPlane<double>(_xd, Crop, Crop), new ReadOnlyPlane<double>(_yd, Crop - 2, Crop - 2));
        return _float.Step();
    }

    [Benchmark(Description = "fixed-point step")]
    public FixedLoss FixedStep() =>
        _fixed.Step(new ReadOnlyPlane<byte>(_x, Crop, Crop), new ReadOnlyPlane<short>(_y, Crop - 2, Crop - 2));
}
