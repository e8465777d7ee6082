using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Training;

/// <summary>What a frame training run produced.</summary>
public sealed record FrameTrainingResult(
    TrainingOutcome Outcome,
    FixedKernel Kernel,
    int Iterations,
    double LastBatchLoss,
    double SetLoss,
    LossCurve Curve,
    TimeSpan Elapsed)
{
    public bool Converged => Outcome == TrainingOutcome.Converged;
}
