using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Training;

/// <summary>
/// The reference trainer, in double: gradient descent on the squared error of
/// Y_hat = corr2d(X, K) (+ b), written as plainly as the seed notes state it. The
/// fixed-point trainer is checked against it.
/// </summary>
/// <remarks>
/// A step sees one or more (X, Y) pairs (<see cref="Accumulate"/>), computes the loss and
/// the gradient dL/dK[i,j] = sum 2 (Y_hat - Y)[y,x] X[y+i, x+j] (and dL/db = sum 2 (Y_hat - Y))
/// with the weights as they were, and then updates K -= lr * grad (with momentum:
/// v = beta v + lr grad, K -= v). Allocates nothing per step.
/// </remarks>
public sealed class FloatKernelTrainer
{
    private readonly KernelTrainerOptions _options;
    private readonly double[] _weights;
    private readonly double[] _gradient;
    private readonly double[] _velocity;
    private ConvergenceMonitor<double> _monitor;
    private double _bias;
    private double _biasGradient;
    private double _biasVelocity;
    private double _lossSum;
    private double _targetEnergy;
    private long _pendingPixels;
    private int _pendingExamples;

    public FloatKernelTrainer(KernelTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _weights = options.StartingWeights();
        _gradient = new double[_weights.Length];
        _velocity = new double[_weights.Length];
        _bias = options.InitialBias;
        LearningRate = options.LearningRate.Initial;
        _monitor = new ConvergenceMonitor<double>(options.Stopping, options.Stopping.LossThreshold);
    }

    public int Rows => _options.Rows;

    public int Cols => _options.Cols;

    /// <summary>Row-major weights as they are now (after the last update).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    public double Bias => _bias;

    /// <summary>The rate the next update will use (after any step decay so far).</summary>
    public double LearningRate { get; private set; }

    /// <summary>Completed steps (each one loss evaluation and, unless diverged, one update).</summary>
    public int Iteration { get; private set; }

    public TrainingStatus Status { get; private set; } = TrainingStatus.Running;

    /// <summary>The loss returned by the latest <see cref="Step()"/>.</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>Adds one (X, Y) pair's loss and gradient to the pending step, with the current weights.</summary>
    public void Accumulate(ReadOnlyPlane<double> input, ReadOnlyPlane<double> target)
    {
        ThrowIfDiverged();
        int outH = input.Height - Rows + 1;
        int outW = input.Width - Cols + 1;
        if (outH < 1 || outW < 1)
        {
            throw new ArgumentException($"The input is {input.Width}x{input.Height}, smaller than the {Rows}x{Cols} kernel.", nameof(input));
        }

        if (target.Width != outW || target.Height != outH)
        {
            throw new ArgumentException($"The target is {target.Width}x{target.Height} but a {input.Width}x{input.Height} input with a {Rows}x{Cols} kernel gives {outW}x{outH}.", nameof(target));
        }

        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                double y = target[oy, ox];
                double error = Predict(input, oy, ox) - y;
                _lossSum += error * error;
                _targetEnergy += y * y;
                _biasGradient += 2 * error;
                for (int r = 0; r < Rows; r++)
                {
                    for (int c = 0; c < Cols; c++)
                    {
                        _gradient[(r * Cols) + c] += 2 * error * input[oy + r, ox + c];
                    }
                }
            }
        }

        _pendingPixels += (long)outH * outW;
        _pendingExamples++;
    }

    /// <summary>
    /// Finishes a step over the pairs accumulated since the last one: returns their loss
    /// (computed before this step's update) and updates the weights unless the loss says
    /// the run has diverged.
    /// </summary>
    public double Step()
    {
        ThrowIfDiverged();
        if (_pendingExamples == 0)
        {
            throw new InvalidOperationException("Step() needs at least one (input, target) pair: call Accumulate first.");
        }

        double scale = _options.Loss == LossKind.MeanSquaredError ? 1.0 / _pendingPixels : 1.0;
        double loss = _lossSum * scale;
        LastLoss = loss;
        Status = _monitor.Observe(loss, _targetEnergy * scale);
        if (Status != TrainingStatus.Diverged && !TryUpdate(scale))
        {
            Status = TrainingStatus.Diverged;
        }

        ClearPending();
        Iteration++;
        if (_options.LearningRate.DecaysAfter(Iteration))
        {
            LearningRate *= _options.LearningRate.DecayFactor;
        }

        return loss;
    }

    /// <summary>One step on a single (X, Y) pair: <see cref="Accumulate"/> then <see cref="Step()"/>.</summary>
    public double Step(ReadOnlyPlane<double> input, ReadOnlyPlane<double> target)
    {
        Accumulate(input, target);
        return Step();
    }

    private double Predict(ReadOnlyPlane<double> input, int oy, int ox)
    {
        double sum = _bias;
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                sum += _weights[(r * Cols) + c] * input[oy + r, ox + c];
            }
        }

        return sum;
    }

    /// <summary>Applies the update only if every new value is finite: never leaves NaN behind.</summary>
    private bool TryUpdate(double scale)
    {
        double beta = _options.Momentum;
        for (int i = 0; i < _weights.Length; i++)
        {
            double v = (beta * _velocity[i]) + (LearningRate * _gradient[i] * scale);
            if (!double.IsFinite(v) || !double.IsFinite(_weights[i] - v))
            {
                return false;
            }
        }

        double biasVelocity = _options.UseBias ? (beta * _biasVelocity) + (LearningRate * _biasGradient * scale) : 0;
        if (!double.IsFinite(biasVelocity) || !double.IsFinite(_bias - biasVelocity))
        {
            return false;
        }

        for (int i = 0; i < _weights.Length; i++)
        {
            _velocity[i] = (beta * _velocity[i]) + (LearningRate * _gradient[i] * scale);
            _weights[i] -= _velocity[i];
        }

        _biasVelocity = biasVelocity;
        _bias -= biasVelocity;
        return true;
    }

    private void ClearPending()
    {
        Array.Clear(_gradient);
        _biasGradient = 0;
        _lossSum = 0;
        _targetEnergy = 0;
        _pendingPixels = 0;
        _pendingExamples = 0;
    }

    private void ThrowIfDiverged()
    {
        if (Status == TrainingStatus.Diverged)
        {
            throw new InvalidOperationException($"Training diverged at step {Iteration}; build a new trainer (e.g. with a smaller learning rate).");
        }
    }
}
