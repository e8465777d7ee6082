namespace EdgeDevice.Hardware.Displays;

/// <summary>How a one-bit display (MAX7219, HT16K33) turns grey levels into on and off.</summary>
public enum MonoConversion
{
    /// <summary>On when the luminance is at least the threshold (128 by default).</summary>
    Threshold,

    /// <summary>Ordered 4x4 Bayer dithering: gradients keep their shape as a density of lit LEDs.</summary>
    Bayer,
}
