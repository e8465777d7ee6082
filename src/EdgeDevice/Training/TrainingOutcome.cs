namespace EdgeDevice.Training;

/// <summary>Why a frame training run ended.</summary>
public enum TrainingOutcome
{
    /// <summary>The loss over every pixel of the set reached the target.</summary>
    Converged,

    /// <summary>The loss grew away, or a weight would have left its Q range.</summary>
    Diverged,

    /// <summary>The loss stopped improving above the target.</summary>
    NotConverging,

    /// <summary>The iteration limit came first.</summary>
    IterationLimit,

    /// <summary>Stopped from outside (Ctrl+C, SIGTERM).</summary>
    Cancelled,
}
