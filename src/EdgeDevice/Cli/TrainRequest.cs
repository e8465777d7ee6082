using EdgeDevice.Training;

namespace EdgeDevice.Cli;

/// <summary>Which of the three `train` forms a command line asks for.</summary>
public enum TrainMode
{
    Seed,
    Teacher,
    Target,
}

/// <summary>A `train` command line, parsed and checked: null means "not given, use the default".</summary>
public sealed record TrainRequest
{
    public required TrainMode Mode { get; init; }

    public TrainerKind Trainer { get; init; } = TrainerKind.Fixed;

    public IReadOnlyList<double>? Init { get; init; }

    public double? LearningRate { get; init; }

    public int? Iterations { get; init; }

    public string? Input { get; init; }

    public string? Teacher { get; init; }

    public string? Target { get; init; }

    /// <summary>Kernel rows x columns (--size RxC).</summary>
    public (int Rows, int Cols)? Size { get; init; }

    public bool Bias { get; init; }

    public string? Out { get; init; }

    public string? Plot { get; init; }

    public int? Batch { get; init; }

    public double? Momentum { get; init; }

    public double? LearningRateDecay { get; init; }

    public int? LearningRateDecayEvery { get; init; }

    public double? LossTarget { get; init; }

    public int? Seed { get; init; }

    public int? Crop { get; init; }
}
