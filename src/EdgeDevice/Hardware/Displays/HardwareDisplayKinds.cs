namespace EdgeDevice.Hardware.Displays;

/// <summary>The Display:Kind values for real LED matrices (the simulated kinds live with the CLI).</summary>
public static class HardwareDisplayKinds
{
    /// <summary>Sense HAT: the framebuffer when its kernel driver is loaded, else I2C.</summary>
    public const string SenseHat = "sensehat";
    public const string SenseHatI2c = "sensehat-i2c";
    public const string SenseHatFramebuffer = "sensehat-fb";
    public const string Max7219 = "max7219";
    public const string Ws2812b = "ws2812b";
    public const string Sk6812 = "sk6812";

    /// <summary>HT16K33 one-colour backpack; 8x8 or 16x8 by Display:Width/Height.</summary>
    public const string Ht16k33 = "ht16k33";
    public const string Ht16k33Bicolor = "ht16k33-bicolor";

    /// <summary>IS31FL3731 board, chosen by size: 16x8, 16x9, 11x7, 17x7.</summary>
    public const string Is31fl3731 = "is31fl3731";
    public const string Hub75 = "hub75";

    public static readonly IReadOnlyList<string> All =
        [SenseHat, SenseHatI2c, SenseHatFramebuffer, Max7219, Ws2812b, Sk6812, Ht16k33, Ht16k33Bicolor, Is31fl3731, Hub75];

    public static bool IsHardware(string kind) => All.Contains(kind, StringComparer.OrdinalIgnoreCase);
}
