namespace EdgeDevice.Display;

/// <summary>What each LED of a matrix can show.</summary>
public enum ColorDepth
{
    /// <summary>On or off (MAX7219, HT16K33).</summary>
    Mono1,

    /// <summary>256 grey levels (IS31FL3731).</summary>
    Gray8,

    /// <summary>24-bit colour (Sense HAT, WS2812, HUB75, simulations).</summary>
    Rgb24,
}
