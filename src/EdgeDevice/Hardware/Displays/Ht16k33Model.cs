namespace EdgeDevice.Hardware.Displays;

/// <summary>The HT16K33 LED matrix backpacks the program drives (Adafruit layouts).</summary>
public enum Ht16k33Model
{
    /// <summary>8x8 single colour (Matrix8x8).</summary>
    Mono8x8,

    /// <summary>16x8 single colour, two 8x8 matrices on one backpack (Matrix16x8).</summary>
    Mono16x8,

    /// <summary>8x8 red/green, red + green = yellow (Matrix8x8Bicolor).</summary>
    Bicolor8x8,
}
