namespace ConvCore.Fixed.Training;

/// <summary>
/// What both trainers share: the kernel's shape and starting point, the loss, the learning
/// rate and the stopping rule. Validated once, when a trainer is built.
/// </summary>
public sealed record KernelTrainerOptions
{
    public required int Rows { get; init; }

    public required int Cols { get; init; }

    /// <summary>Row-major starting weights (real values); null starts from zeros.</summary>
    public IReadOnlyList<double>? InitialWeights { get; init; }

    /// <summary>Learn a bias b as well (Y_hat = corr(X, K) + b); the seed experiment has none.</summary>
    public bool UseBias { get; init; }

    public double InitialBias { get; init; }

    public LossKind Loss { get; init; } = LossKind.SummedSquaredError;

    public LearningRateSchedule LearningRate { get; init; } = LearningRateSchedule.Constant(0.03);

    /// <summary>
    /// Heavy-ball momentum beta in [0, 1): the step is v = beta v + lr grad, K -= v. 0 (the
    /// default) is plain gradient descent, the seed experiment's algorithm. On camera frames
    /// the loss surface is badly conditioned (the mean brightness direction is hundreds of
    /// times steeper than the fine-detail ones), and momentum 0.9 needs about ten times fewer
    /// steps.
    /// </summary>
    public double Momentum { get; init; }

    public StoppingRule Stopping { get; init; } = StoppingRule.Default;

    public int TapCount => Rows * Cols;

    /// <summary>The starting weights as an array (zeros when none were given).</summary>
    internal double[] StartingWeights() =>
        InitialWeights is null ? new double[TapCount] : [.. InitialWeights];

    /// <summary>Throws an ArgumentException naming the first option that is wrong.</summary>
    internal void Validate()
    {
        if (Rows < 1 || Rows > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "Kernel rows must be between 1 and 64.");
        }

        if (Cols < 1 || Cols > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Cols), Cols, "Kernel cols must be between 1 and 64.");
        }

        if (InitialWeights is not null)
        {
            if (InitialWeights.Count != TapCount)
            {
                throw new ArgumentException($"InitialWeights has {InitialWeights.Count} values but a {Rows}x{Cols} kernel needs {TapCount}.", nameof(InitialWeights));
            }

            for (int i = 0; i < InitialWeights.Count; i++)
            {
                if (!double.IsFinite(InitialWeights[i]))
                {
                    throw new ArgumentException($"InitialWeights[{i}] is {InitialWeights[i]}; weights must be finite numbers.", nameof(InitialWeights));
                }
            }
        }

        if (!double.IsFinite(InitialBias))
        {
            throw new ArgumentException($"InitialBias is {InitialBias}; it must be a finite number.", nameof(InitialBias));
        }

        if (!UseBias && InitialBias != 0)
        {
            throw new ArgumentException("InitialBias is set but UseBias is false: a kernel without bias cannot start from one.", nameof(InitialBias));
        }

        if (LearningRate.Initial <= 0)
        {
            throw new ArgumentException("LearningRate is the default struct value; build it with LearningRateSchedule.Constant or StepDecay.", nameof(LearningRate));
        }

        if (!double.IsFinite(Momentum) || Momentum < 0 || Momentum >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(Stopping, nameof(Stopping));
        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Unknown loss kind.");
        }
    }
}
