using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Training;

/// <summary>
/// The learning-rate schedule in integers: the rate with
/// <see cref="FixedTrainingFormat.LearningRateFractionBits"/> fraction bits, and the decay
/// factor with 30. A coarse rate is not an option: 0.03 rounded to 2^-8 is 0.03125, and
/// the seed experiment then no longer follows the reference.
/// </summary>
internal struct FixedLearningRate
{
    private const int DecayFractionBits = 30;
    private readonly int _every;
    private readonly long _decay;

    public FixedLearningRate(LearningRateSchedule schedule)
    {
        Raw = (long)Math.Round(Math.ScaleB(schedule.Initial, FixedTrainingFormat.LearningRateFractionBits), MidpointRounding.ToEven);
        _decay = (long)Math.Round(Math.ScaleB(schedule.DecayFactor, DecayFractionBits), MidpointRounding.ToEven);

        // Worked out here so that a step never looks at the schedule's doubles.
        _every = schedule.DecayFactor < 1 ? schedule.DecayEvery : 0;
    }

    /// <summary>The current rate x 2^40.</summary>
    public long Raw { get; private set; }

    public readonly double ToDouble() => Math.ScaleB(Raw, -FixedTrainingFormat.LearningRateFractionBits);

    /// <summary>Applies the step decay due once <paramref name="completedSteps"/> steps are done.</summary>
    public void AfterStep(int completedSteps)
    {
        if (_every > 0 && completedSteps % _every == 0)
        {
            Raw = (long)Rounding.ShiftRightHalfEven((Int128)Raw * _decay, DecayFractionBits);
        }
    }
}
