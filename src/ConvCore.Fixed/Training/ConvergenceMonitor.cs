using System.Numerics;

namespace ConvCore.Fixed.Training;

/// <summary>
/// Applies a <see cref="StoppingRule"/> to the stream of losses. Generic so the float trainer
/// (double) and the fixed-point trainer (Int128 in its loss scale) judge by the same rules,
/// the latter without any floating point in a step.
/// </summary>
internal struct ConvergenceMonitor<T> where T : INumber<T>
{
    private readonly T _threshold;
    private readonly T _divisor;
    private readonly T _divergenceFactor;
    private readonly int _divergencePatience;
    private readonly int _stallPatience;
    private T _previous;
    private T _best;
    private int _seen;
    private int _risingStreak;
    private int _sinceImprovement;

    public ConvergenceMonitor(StoppingRule rule, T threshold)
    {
        _threshold = threshold;
        _divisor = T.CreateChecked(rule.ImprovementDivisor);
        _divergenceFactor = T.CreateChecked(rule.DivergenceFactor);
        _divergencePatience = rule.DivergencePatience;
        _stallPatience = rule.StallPatience;
        _previous = T.Zero;
        _best = T.Zero;
        _seen = 0;
        _risingStreak = 0;
        _sinceImprovement = 0;
    }

    /// <summary>
    /// Records the loss of one step and returns the verdict for it. <paramref name="targetEnergy"/>
    /// is the same batch's loss for an all-zero prediction (sum or mean of Y^2).
    /// </summary>
    public TrainingStatus Observe(T loss, T targetEnergy)
    {
        if (!T.IsFinite(loss))
        {
            return TrainingStatus.Diverged;
        }

        if (_seen == 0)
        {
            _best = loss;
        }
        else
        {
            _risingStreak = loss > _previous ? _risingStreak + 1 : 0;
            if (loss < _best - (_best / _divisor))
            {
                _best = loss;
                _sinceImprovement = 0;
            }
            else
            {
                _sinceImprovement++;
            }
        }

        _seen++;
        _previous = loss;
        if (loss <= _threshold)
        {
            return TrainingStatus.Converged;
        }

        if (_risingStreak >= _divergencePatience && loss > _divergenceFactor * targetEnergy)
        {
            return TrainingStatus.Diverged;
        }

        return _stallPatience > 0 && _sinceImprovement >= _stallPatience
            ? TrainingStatus.NotConverging
            : TrainingStatus.Running;
    }
}
