namespace ConvCore.Fixed.Training;

/// <summary>
/// When a trainer reports <see cref="TrainingStatus.Converged"/>,
/// <see cref="TrainingStatus.NotConverging"/> or <see cref="TrainingStatus.Diverged"/>.
/// </summary>
/// <remarks>
/// Divergence is judged on the loss, not on one bad batch: it must have risen
/// <see cref="DivergencePatience"/> steps in a row and exceed <see cref="DivergenceFactor"/>
/// times the batch's target energy (the loss of predicting zero everywhere). Measuring
/// against the batch's own target keeps the rule fair when every step sees a new frame: a
/// flat frame after a busy one has a small loss, a diverging kernel has a huge one.
/// A stall is <see cref="StallPatience"/> steps without beating the best loss by
/// <see cref="MinRelativeImprovement"/> of itself.
/// </remarks>
public sealed record StoppingRule
{
    private readonly double _lossThreshold;
    private readonly int _divergencePatience = 3;
    private readonly int _divergenceFactor = 4;
    private readonly int _stallPatience = 50;
    private readonly double _minRelativeImprovement = 1e-3;

    public static StoppingRule Default { get; } = new();

    /// <summary>Converged once the loss is at or below this (in the loss's real units). 0: only an exact fit.</summary>
    public double LossThreshold
    {
        get => _lossThreshold;
        init => _lossThreshold = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LossThreshold), value, "LossThreshold must be a finite number >= 0.");
    }

    /// <summary>Consecutive rising losses that, above the energy limit, count as divergence.</summary>
    public int DivergencePatience
    {
        get => _divergencePatience;
        init => _divergencePatience = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DivergencePatience), value, "DivergencePatience must be at least 1.");
    }

    /// <summary>How many times the target energy a rising loss must exceed to count as divergence.</summary>
    public int DivergenceFactor
    {
        get => _divergenceFactor;
        init => _divergenceFactor = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), value, "DivergenceFactor must be at least 1.");
    }

    /// <summary>Steps without a real improvement before <see cref="TrainingStatus.NotConverging"/>; 0 never reports a stall.</summary>
    public int StallPatience
    {
        get => _stallPatience;
        init => _stallPatience = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StallPatience), value, "StallPatience must be 0 (off) or positive.");
    }

    /// <summary>How much of the best loss a new loss must shave off to count as progress (e.g. 0.001).</summary>
    public double MinRelativeImprovement
    {
        get => _minRelativeImprovement;
        init => _minRelativeImprovement = double.IsFinite(value) && value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinRelativeImprovement), value, "MinRelativeImprovement must be in (0, 1).");
    }

    /// <summary>
    /// The improvement as a divisor (progress means loss &lt; best - best / divisor), so the
    /// integer trainer can apply the same test without floating point.
    /// </summary>
    internal long ImprovementDivisor => Math.Max(2, (long)Math.Round(1 / MinRelativeImprovement));
}
