namespace EdgeDevice.Settings;

/// <summary>On-device training: the "Training" settings section (used by the training work).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>The catalogue kernel that supplies targets; empty = the active kernel.</summary>
    public string? Teacher { get; set; }

    public double LearningRate { get; set; } = 0.5;

    /// <summary>Training stops after this long even if it has not converged.</summary>
    public double MaxSeconds { get; set; } = 120;

    /// <summary>Training stops when the mean squared error falls below this.</summary>
    public double LossTarget { get; set; } = 1e-5;

    public IEnumerable<string> Validate()
    {
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            yield return $"Training:LearningRate is {LearningRate}; it must be a positive number.";
        }

        if (!double.IsFinite(MaxSeconds) || MaxSeconds <= 0)
        {
            yield return $"Training:MaxSeconds is {MaxSeconds}; it must be a positive number of seconds.";
        }

        if (!double.IsFinite(LossTarget) || LossTarget < 0)
        {
            yield return $"Training:LossTarget is {LossTarget}; it must be zero or positive.";
        }
    }
}
