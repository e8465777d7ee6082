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
    private readonly LearningRateSchedule _schedule;
    private readonly long _decay;

    public FixedLearningRate(LearningRateSchedule schedule)
    {
        _schedule = schedule;
        Raw = (long)Math.Round(Math.ScaleB(schedule.Initial, FixedTrainingFormat.LearningRateFractionBits), MidpointRounding.ToEven);
        _decay = (long)Math.Round(Math.ScaleB(schedule.DecayFactor, DecayFractionBits), MidpointRounding.ToEven);
    }

    /// <summary>The current rate x 2^40.</summary>
    public long Raw { get; private set; }

    public readonly double ToDouble() => Math.ScaleB(Raw, -FixedTrainingFormat.LearningRateFractionBits);

    /// <summary>Applies the step decay due once <paramref name="completedSteps"/> steps are done.</summary>
    public void AfterStep(int completedSteps)
    {
        if (_schedule.DecaysAfter(completedSteps))
        {
            Raw = (long)Rounding.ShiftRightHalfEven((Int128)Raw * _decay, DecayFractionBits);
        }
    }
}
