namespace ConvCore.Fixed.Training;

/// <summary>Where a trainer stands after its latest step.</summary>
public enum TrainingStatus
{
    /// <summary>No verdict yet: the loss is still moving, or no step has run.</summary>
    Running,

    /// <summary>The latest loss is at or below the stopping rule's threshold: stop early.</summary>
    Converged,

    /// <summary>The loss has not improved for the rule's stall patience: more steps will not help.</summary>
    NotConverging,

    /// <summary>
    /// The loss kept growing, or a weight would leave the representable range. Final: the
    /// weights stay at the last values that were in range and further steps are refused.
    /// </summary>
    Diverged,
}
