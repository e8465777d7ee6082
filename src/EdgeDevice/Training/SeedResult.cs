using ConvCore.Fixed.Training;

namespace EdgeDevice.Training;

/// <summary>How a seed run ended: the verdict, the final weights and every iteration's loss.</summary>
public sealed record SeedResult(TrainingStatus Status, IReadOnlyList<double> Weights, IReadOnlyList<double> Losses)
{
    public bool Diverged => Status == TrainingStatus.Diverged;
}
