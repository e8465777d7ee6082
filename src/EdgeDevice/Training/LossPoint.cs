namespace EdgeDevice.Training;

/// <summary>One step of a run: its number (from 1), its loss (before its update) and the rate of its update.</summary>
public readonly record struct LossPoint(int Iteration, double Loss, double LearningRate);
