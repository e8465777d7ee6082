using System.Numerics;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Training;

/// <summary>
/// Gradient descent on a kernel in integers only: the same algorithm as
/// <see cref="FloatKernelTrainer"/>, with int16 forward weights, int64 master weights,
/// exact wide gradient sums and a 40-fraction-bit learning rate. A step uses no floating
/// point and allocates nothing; doubles appear only at set-up and in the reporting members.
/// </summary>
/// <remarks>
/// Per step: for each (X, Y) pair, the forward pass (<see cref="ForwardCorrelation"/>), the
/// int32 error map (<see cref="ErrorMap"/>) and the gradient as the correlation of X with
/// that map (<see cref="GradientCorrelation"/>), summed exactly over the batch; then the
/// loss is judged (<see cref="ConvergenceMonitor{T}"/>) and the weights updated
/// (<see cref="FixedWeights"/>). An update that would put a weight outside the Q range is
/// refused and the run is <see cref="TrainingStatus.Diverged"/>.
/// </remarks>
public sealed class FixedKernelTrainer
{
    /// <summary>The most pairs one step accepts: keeps the Int128 update product exact.</summary>
    public const int MaxBatchExamples = 4096;

    private readonly KernelTrainerOptions _options;
    private readonly FixedTrainingWorkspace _work;
    private readonly FixedWeights _weights;
    private readonly Int128[] _gradient;
    private readonly int _predictionShift;
    private readonly int _targetShift;
    private ConvergenceMonitor<Int128> _monitor;
    private FixedLearningRate _rate;
    private Int128 _biasGradient;
    private Int128 _squares;
    private Int128 _targetEnergy;
    private long _pendingPixels;
    private int _pendingExamples;
    private int _pendingSaturated;

    /// <summary>Sets up a trainer for inputs up to <paramref name="maxInputWidth"/> x <paramref name="maxInputHeight"/>.</summary>
    public FixedKernelTrainer(KernelTrainerOptions options, FixedTrainingFormat format, int maxInputWidth, int maxInputHeight)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(format);
        options.Validate();
        format.Validate();
        ValidateMaxSize(options, maxInputWidth, maxInputHeight);
        _options = options;
        Format = format;
        _work = new FixedTrainingWorkspace(maxInputWidth, maxInputHeight, options.Rows, options.Cols);

        _weights = new FixedWeights(options, format);
        _gradient = new Int128[options.TapCount];

        // Prediction (weight + input bits) and target both move up to the error format.
        _predictionShift = format.ErrorFractionBits - format.WeightFractionBits - format.InputFractionBits;
        _targetShift = format.ErrorFractionBits - format.TargetFractionBits;
        _rate = new FixedLearningRate(options.LearningRate);
        _monitor = new ConvergenceMonitor<Int128>(options.Stopping, LossThresholdRaw(options.Stopping.LossThreshold, format.LossFractionBits));
    }

    public FixedTrainingFormat Format { get; }

    public int Rows => _options.Rows;

    public int Cols => _options.Cols;

    public int MaxInputWidth => _work.MaxInputWidth;

    public int MaxInputHeight => _work.MaxInputHeight;

    /// <summary>The int16 weights the next forward pass uses, Q format with <see cref="FixedTrainingFormat.WeightFractionBits"/>.</summary>
    public ReadOnlySpan<short> ForwardWeights => _weights.Forward;

    /// <summary>The bias the next forward pass adds, in accumulator units (2^(weight + input fraction bits)).</summary>
    public int ForwardBias => _weights.ForwardBias;

    /// <summary>The int64 master weights, with <see cref="FixedTrainingFormat.MasterFractionBits"/> fraction bits.</summary>
    public ReadOnlySpan<long> MasterWeights => _weights.Master;

    public long MasterBias => _weights.MasterBias;

    /// <summary>Completed steps.</summary>
    public int Iteration { get; private set; }

    public TrainingStatus Status { get; private set; } = TrainingStatus.Running;

    /// <summary>The loss of the latest step, exact in its integer format.</summary>
    public FixedLoss LastLoss { get; private set; }

    /// <summary>The latest loss in real units, for reporting.</summary>
    public double LossEstimate => LastLoss.ToDouble();

    /// <summary>The rate the next update uses, in real units (reporting only).</summary>
    public double LearningRate => _rate.ToDouble();

    /// <summary>Errors that did not fit int32 in the latest step (their gradient was clipped).</summary>
    public int SaturatedErrors { get; private set; }

    /// <summary>The master weights as real numbers, row-major (for display; allocates).</summary>
    public double[] CurrentWeights()
    {
        var w = new double[_gradient.Length];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = Math.ScaleB(_weights.Master[i], -Format.MasterFractionBits);
        }

        return w;
    }

    /// <summary>The master bias in real (target) units.</summary>
    public double CurrentBias() => Math.ScaleB(_weights.MasterBias, -Format.MasterFractionBits);

    /// <summary>Adds one pair's loss and gradient to the pending step; the target is an int16 plane in the target format.</summary>
    public void Accumulate(ReadOnlyPlane<byte> input, ReadOnlyPlane<short> target) => AccumulateCore(input, target);

    /// <summary>Adds one pair's loss and gradient to the pending step; the target is an int32 plane in the target format.</summary>
    public void Accumulate(ReadOnlyPlane<byte> input, ReadOnlyPlane<int> target) => AccumulateCore(input, target);

    /// <summary>One step on a single pair (a live device: a new frame each step).</summary>
    public FixedLoss Step(ReadOnlyPlane<byte> input, ReadOnlyPlane<short> target)
    {
        AccumulateCore(input, target);
        return Step();
    }

    /// <inheritdoc cref="Step(ReadOnlyPlane{byte}, ReadOnlyPlane{short})"/>
    public FixedLoss Step(ReadOnlyPlane<byte> input, ReadOnlyPlane<int> target)
    {
        AccumulateCore(input, target);
        return Step();
    }

    /// <summary>
    /// Finishes the step over the pairs accumulated since the last one: returns their loss
    /// (computed with the weights before this step's update), judges it, and updates the
    /// weights unless the run has diverged.
    /// </summary>
    public FixedLoss Step()
    {
        ThrowIfDiverged();
        if (_pendingExamples == 0)
        {
            throw new InvalidOperationException("Step() needs at least one (input, target) pair: call Accumulate first.");
        }

        bool mean = _options.Loss == LossKind.MeanSquaredError;
        Int128 loss = mean ? WideRounding.DivideHalfEven(_squares, _pendingPixels) : _squares;
        Int128 energy = mean ? WideRounding.DivideHalfEven(_targetEnergy, _pendingPixels) : _targetEnergy;
        LastLoss = new FixedLoss(loss, Format.LossFractionBits);
        SaturatedErrors = _pendingSaturated;
        Status = _monitor.Observe(loss, energy);
        if (Status != TrainingStatus.Diverged && !_weights.TryUpdate(_gradient, _biasGradient, _rate.Raw, mean ? _pendingPixels : 1))
        {
            Status = TrainingStatus.Diverged;
        }

        ClearPending();
        Iteration++;
        _rate.AfterStep(Iteration);
        return LastLoss;
    }

    /// <summary>
    /// The learned kernel as the core applies it to raw 8-bit pixels: the int16 forward
    /// weights with their fraction bits, and the bias in accumulator units. With
    /// <see cref="Requantizer.ForKernel"/> it reproduces the target in input-pixel units.
    /// </summary>
    public FixedKernel ToKernel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return FixedKernel.Create(name, Rows, Cols, _weights.Forward, Format.WeightFractionBits, _weights.ForwardBias);
    }

    private void AccumulateCore<TTarget>(ReadOnlyPlane<byte> input, ReadOnlyPlane<TTarget> target)
        where TTarget : unmanaged, IBinaryInteger<TTarget>
    {
        ThrowIfDiverged();
        if (input.Width > _work.MaxInputWidth || input.Height > _work.MaxInputHeight)
        {
            throw new ArgumentException($"The input is {input.Width}x{input.Height}; this trainer was set up for at most {_work.MaxInputWidth}x{_work.MaxInputHeight}.", nameof(input));
        }

        if (_pendingExamples >= MaxBatchExamples)
        {
            throw new InvalidOperationException($"A step takes at most {MaxBatchExamples} pairs; call Step() first.");
        }

        var valid = CorrelationOptions.Valid;
        CorrelationGeometry g = CorrelationGeometry.Create(input.Width, input.Height, Rows, Cols, valid);
        if (target.Width != g.OutputWidth || target.Height != g.OutputHeight)
        {
            throw new ArgumentException($"The target is {target.Width}x{target.Height} but a {input.Width}x{input.Height} input with a {Rows}x{Cols} kernel gives {g.OutputWidth}x{g.OutputHeight}.", nameof(target));
        }

        // One buffer: the forward accumulators, then (in place) the error map.
        var errors = new Plane<int>(_work.Errors.AsSpan(0, g.OutputWidth * g.OutputHeight), g.OutputWidth, g.OutputHeight);
        ForwardCorrelation.Correlate(input, _weights.Taps, errors);
        ErrorSums sums = ErrorMap.Compute(errors, _weights.ForwardBias, _predictionShift, target, _targetShift);
        GradientCorrelation.Correlate(input, errors, _work.ExampleGradient);
        for (int i = 0; i < _gradient.Length; i++)
        {
            _gradient[i] += _work.ExampleGradient[i];
        }

        _biasGradient += sums.SumOfErrors;
        _squares += sums.SumOfSquares;
        _targetEnergy += sums.TargetEnergy;
        _pendingSaturated += sums.Saturated;
        _pendingPixels += (long)g.OutputWidth * g.OutputHeight;
        _pendingExamples++;
    }

    private void ClearPending()
    {
        Array.Clear(_gradient);
        _biasGradient = Int128.Zero;
        _squares = Int128.Zero;
        _targetEnergy = Int128.Zero;
        _pendingPixels = 0;
        _pendingExamples = 0;
        _pendingSaturated = 0;
    }

    private void ThrowIfDiverged()
    {
        if (Status == TrainingStatus.Diverged)
        {
            throw new InvalidOperationException($"Training diverged at step {Iteration}; the weights are the last ones in range. Build a new trainer (e.g. with a smaller learning rate).");
        }
    }

    private static Int128 LossThresholdRaw(double threshold, int lossFractionBits)
    {
        double scaled = Math.Floor(Math.ScaleB(threshold, lossFractionBits));
        return scaled >= 1e36 ? (Int128)1e36 : (Int128)scaled;
    }

    private static void ValidateMaxSize(KernelTrainerOptions options, int maxInputWidth, int maxInputHeight)
    {
        if (maxInputWidth < options.Cols || maxInputWidth > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInputWidth), maxInputWidth, $"maxInputWidth must be between the kernel width ({options.Cols}) and 8192.");
        }

        if (maxInputHeight < options.Rows || maxInputHeight > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInputHeight), maxInputHeight, $"maxInputHeight must be between the kernel height ({options.Rows}) and 8192.");
        }

        long outputs = (long)(maxInputWidth - options.Cols + 1) * (maxInputHeight - options.Rows + 1);
        if (outputs > GradientCorrelation.MaxErrorPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInputWidth), $"A {maxInputWidth}x{maxInputHeight} input gives {outputs} outputs; at most {GradientCorrelation.MaxErrorPixels} keep the gradient sums exact.");
        }
    }
}
