namespace EdgeDevice.Training;

/// <summary>Where a run stands after a step, for a progress line.</summary>
public readonly record struct TrainingProgress(int Iteration, int MaxIterations, double Loss, double LossTarget, TimeSpan Elapsed);
