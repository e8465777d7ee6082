namespace EdgeDevice.Training;

/// <summary>Which trainer runs: the integer one the device uses (default) or its float reference.</summary>
public enum TrainerKind
{
    Fixed,
    Float,
}
