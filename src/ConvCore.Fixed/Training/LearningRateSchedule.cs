namespace ConvCore.Fixed.Training;

/// <summary>
/// A constant or step-decay learning rate: <see cref="Initial"/> for the first
/// <see cref="DecayEvery"/> steps, then multiplied by <see cref="DecayFactor"/> after every
/// further <see cref="DecayEvery"/> steps. DecayEvery = 0 means constant.
/// </summary>
public readonly record struct LearningRateSchedule
{
    /// <summary>The largest rate accepted: keeps the fixed-point update product inside Int128.</summary>
    public const double MaxRate = 1000;

    public LearningRateSchedule(double initial, double decayFactor = 1.0, int decayEvery = 0)
    {
        if (!double.IsFinite(initial) || initial <= 0 || initial > MaxRate)
        {
            throw new ArgumentOutOfRangeException(nameof(initial), initial, $"The learning rate must be a finite number in (0, {MaxRate}].");
        }

        if (!double.IsFinite(decayFactor) || decayFactor <= 0 || decayFactor > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(decayFactor), decayFactor, "The decay factor must be in (0, 1].");
        }

        if (decayEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(decayEvery), decayEvery, "decayEvery must be 0 (constant rate) or a positive number of steps.");
        }

        Initial = initial;
        DecayFactor = decayFactor;
        DecayEvery = decayEvery;
    }

    public double Initial { get; }

    public double DecayFactor { get; }

    /// <summary>Steps between decays; 0 keeps the rate constant.</summary>
    public int DecayEvery { get; }

    /// <summary>True when the rate is multiplied by <see cref="DecayFactor"/> once step <paramref name="completedSteps"/> is done.</summary>
    public bool DecaysAfter(int completedSteps) =>
        DecayEvery > 0 && DecayFactor < 1 && completedSteps > 0 && completedSteps % DecayEvery == 0;

    public static LearningRateSchedule Constant(double rate) => new(rate);

    public static LearningRateSchedule StepDecay(double initial, double factor, int every)
    {
        if (every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "A step decay needs a positive number of steps between decays.");
        }

        return new LearningRateSchedule(initial, factor, every);
    }
}
