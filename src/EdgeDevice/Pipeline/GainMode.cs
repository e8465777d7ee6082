namespace EdgeDevice.Pipeline;

/// <summary>How feature values become LED intensities before gamma.</summary>
public enum GainMode
{
    /// <summary>intensity = |v| x Gain, clipped at 255: the same value always looks the same.</summary>
    Fixed,

    /// <summary>The running peak |v| (decaying slowly) maps to full scale: any scene uses the whole range.</summary>
    Auto,
}
