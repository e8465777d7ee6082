namespace EdgeDevice.Pipeline;

/// <summary>How a pooled feature value becomes a colour.</summary>
public enum MapMode
{
    /// <summary>Signed for filters that can go negative, magnitude for the rest.</summary>
    Auto,

    /// <summary>Positive red, negative blue, zero black (the seed's +1 / -1 edges).</summary>
    Signed,

    /// <summary>|v| on one ramp: black, orange, white.</summary>
    Magnitude,
}
