namespace EdgeDevice.Pipeline;

/// <summary>How a feature-map cell is reduced to one LED.</summary>
public enum PoolingMode
{
    /// <summary>The value of largest |v| (sign kept): thin edges survive the reduction.</summary>
    MaxAbs,

    /// <summary>The rounded mean: smoother, but a one-pixel edge fades with the cell size.</summary>
    Average,
}
