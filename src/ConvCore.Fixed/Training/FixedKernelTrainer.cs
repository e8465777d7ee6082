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
/// Per step: for each (X, Y) pair, the forward pass (<see cref="ForwardCorrelation"/>) and
/// the int32 error map (<see cref="ErrorMap"/>), then the gradient as the correlation of X with that map
/// (<see cref="GradientCorrelation"/>); then one update per weight,
/// D = round(2 lr G / 2^s [/ N]), rounded once (half to even, or stochastically), then
/// V = beta V + D and M -= V (V = D without momentum).
/// The forward weights are the masters rounded to the Q format. An update that would put a
/// weight outside the Q range is refused and the run is <see cref="TrainingStatus.Diverged"/>.
/// </remarks>
public sealed class FixedKernelTrainer
{
    /// <summary>The most pairs one step accepts: keeps the Int128 update product exact.</summary>
    public const int MaxBatchExamples = 4096;

    /// <summary>Fraction bits of the momentum factor.</summary>
    private const int MomentumFractionBits = 30;

    private readonly KernelTrainerOptions _options;
    private readonly FixedTrainingWorkspace _work;
    private readonly long[] _master;
    private readonly long[] _velocity;
    private readonly short[] _forward;
    private readonly Int128[] _gradient;
    private readonly int _predictionShift;
    private readonly int _targetShift;
    private readonly int _forwardShift;
    private readonly int _biasShift;
    private readonly int _weightUpdateShift;
    private readonly int _biasUpdateShift;
    private readonly long _momentum;
    private ConvergenceMonitor<Int128> _monitor;
    private FixedLearningRate _rate;
    private SplitMix64 _random;
    private long _masterBias;
    private long _biasVelocity;
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

        int fe = format.ErrorFractionBits;
        _predictionShift = fe - format.WeightFractionBits - format.InputFractionBits;
        _targetShift = fe - format.TargetFractionBits;
        _forwardShift = format.MasterFractionBits - format.WeightFractionBits;
        _biasShift = format.MasterFractionBits - format.WeightFractionBits - format.InputFractionBits;
        _weightUpdateShift = FixedTrainingFormat.LearningRateFractionBits + fe + format.InputFractionBits - format.MasterFractionBits;
        _biasUpdateShift = FixedTrainingFormat.LearningRateFractionBits + fe - format.MasterFractionBits;

        _master = ToMaster(options.StartingWeights(), format);
        _masterBias = ToMasterBias(options.InitialBias, format);
        _velocity = new long[_master.Length];
        _momentum = (long)Math.Round(Math.ScaleB(options.Momentum, MomentumFractionBits), MidpointRounding.ToEven);
        _forward = new short[_master.Length];
        _gradient = new Int128[_master.Length];
        RefreshForward();

        _rate = new FixedLearningRate(options.LearningRate);
        _random = new SplitMix64(format.StochasticSeed);
        _monitor = new ConvergenceMonitor<Int128>(options.Stopping, LossThresholdRaw(options.Stopping.LossThreshold, format.LossFractionBits));
    }

    public FixedTrainingFormat Format { get; }

    public int Rows => _options.Rows;

    public int Cols => _options.Cols;

    public int MaxInputWidth => _work.MaxInputWidth;

    public int MaxInputHeight => _work.MaxInputHeight;

    /// <summary>The int16 weights the next forward pass uses, Q format with <see cref="FixedTrainingFormat.WeightFractionBits"/>.</summary>
    public ReadOnlySpan<short> ForwardWeights => _forward;

    /// <summary>The bias the next forward pass adds, in accumulator units (2^(weight + input fraction bits)).</summary>
    public int ForwardBias { get; private set; }

    /// <summary>The int64 master weights, with <see cref="FixedTrainingFormat.MasterFractionBits"/> fraction bits.</summary>
    public ReadOnlySpan<long> MasterWeights => _master;

    public long MasterBias => _masterBias;

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
        var w = new double[_master.Length];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = Math.ScaleB(_master[i], -Format.MasterFractionBits);
        }

        return w;
    }

    /// <summary>The master bias in real (target) units.</summary>
    public double CurrentBias() => Math.ScaleB(_masterBias, -Format.MasterFractionBits);

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
        if (Status != TrainingStatus.Diverged && !TryUpdate(mean ? _pendingPixels : 1))
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
        return FixedKernel.Create(name, Rows, Cols, _forward, Format.WeightFractionBits, ForwardBias);
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
        ForwardCorrelation.Correlate(input, _work.Taps.AsSpan(0, _work.TapCount), errors);
        ErrorSums sums = ErrorMap.Compute(errors, ForwardBias, _predictionShift, target, _targetShift);
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

    /// <summary>Computes every new master value; commits them only if all stay representable.</summary>
    private bool TryUpdate(long pixels)
    {
        Int128 twiceRate = 2 * (Int128)_rate.Raw;
        Int128 weightDivisor = (Int128)pixels << _weightUpdateShift;
        Span<long> nextMaster = _work.NewMaster;
        Span<long> nextVelocity = _work.NewVelocity;
        for (int i = 0; i < _master.Length; i++)
        {
            Int128 v = Velocity(_velocity[i], RoundUpdate(twiceRate * _gradient[i], weightDivisor));
            Int128 m = _master[i] - v;
            if (!FitsForward(m))
            {
                return false;
            }

            // |v| <= |M| + |M - v|, both in the forward range, so v fits a long too.
            nextMaster[i] = (long)m;
            nextVelocity[i] = (long)v;
        }

        long biasVelocity = 0;
        long nextBias = _masterBias;
        if (_options.UseBias)
        {
            Int128 v = Velocity(_biasVelocity, RoundUpdate(twiceRate * _biasGradient, (Int128)pixels << _biasUpdateShift));
            Int128 b = _masterBias - v;
            if (!FitsBias(b))
            {
                return false;
            }

            nextBias = (long)b;
            biasVelocity = (long)v;
        }

        nextMaster.CopyTo(_master);
        nextVelocity.CopyTo(_velocity);
        _masterBias = nextBias;
        _biasVelocity = biasVelocity;
        RefreshForward();
        return true;
    }

    /// <summary>beta V + D, with beta V rounded half to even (exactly D when there is no momentum).</summary>
    private Int128 Velocity(long previous, Int128 step) =>
        _momentum == 0 ? step : Rounding.ShiftRightHalfEven((Int128)_momentum * previous, MomentumFractionBits) + step;

    private Int128 RoundUpdate(Int128 numerator, Int128 divisor) =>
        Format.Rounding == UpdateRounding.Stochastic
            ? WideRounding.DivideStochastic(numerator, divisor, ref _random)
            : WideRounding.DivideHalfEven(numerator, divisor);

    private bool FitsForward(Int128 master)
    {
        Int128 w = Rounding.ShiftRightHalfEven(master, _forwardShift);
        return w >= short.MinValue && w <= short.MaxValue;
    }

    private bool FitsBias(Int128 master)
    {
        Int128 b = Rounding.ShiftRightHalfEven(master, _biasShift);
        return b >= int.MinValue && b <= int.MaxValue;
    }

    /// <summary>Rounds the masters to the forward format and rebuilds the non-zero taps.</summary>
    private void RefreshForward()
    {
        int count = 0;
        for (int i = 0; i < _master.Length; i++)
        {
            short w = (short)Rounding.ShiftRightHalfEven(_master[i], _forwardShift);
            _forward[i] = w;
            if (w != 0)
            {
                _work.Taps[count++] = new KernelTap(i / Cols, i % Cols, w);
            }
        }

        _work.TapCount = count;
        ForwardBias = (int)Rounding.ShiftRightHalfEven(_masterBias, _biasShift);
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

    private static long[] ToMaster(double[] weights, FixedTrainingFormat format)
    {
        var master = new long[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            if (Math.Abs(weights[i]) > format.MaxWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(KernelTrainerOptions.InitialWeights), weights[i],
                    $"InitialWeights[{i}] = {weights[i]} is outside the Q{16 - format.WeightFractionBits}.{format.WeightFractionBits} range of the forward weights (|w| <= {format.MaxWeight}).");
            }

            master[i] = (long)Math.Round(Math.ScaleB(weights[i], format.MasterFractionBits), MidpointRounding.ToEven);
        }

        return master;
    }

    private static long ToMasterBias(double bias, FixedTrainingFormat format)
    {
        double limit = Math.ScaleB(int.MaxValue, -(format.WeightFractionBits + format.InputFractionBits));
        if (Math.Abs(bias) > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(KernelTrainerOptions.InitialBias), bias, $"InitialBias {bias} does not fit the int32 accumulator bias (|b| <= {limit}).");
        }

        return (long)Math.Round(Math.ScaleB(bias, format.MasterFractionBits), MidpointRounding.ToEven);
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
