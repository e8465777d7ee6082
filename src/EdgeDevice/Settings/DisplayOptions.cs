namespace EdgeDevice.Settings;

/// <summary>The LED matrix: the "Display" settings section.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    /// <summary>
    /// auto | terminal | none | png, or a matrix: sensehat, sensehat-i2c, sensehat-fb, max7219,
    /// ws2812b, sk6812, ht16k33, ht16k33-bicolor, is31fl3731, hub75. Auto uses a
    /// Sense HAT when one is found, else the terminal.
    /// </summary>
    public string Kind { get; set; } = "auto";

    /// <summary>Matrix width in LEDs.</summary>
    public int Width { get; set; } = 8;

    /// <summary>Matrix height in LEDs.</summary>
    public int Height { get; set; } = 8;

    /// <summary>0, 90, 180 or 270 degrees clockwise, as the matrix is mounted.</summary>
    public int Rotation { get; set; }

    /// <summary>The brightness cap, 0..1 of full scale (LED matrices are bright and hungry).</summary>
    public double Brightness { get; set; } = 1.0;

    /// <summary>Folder for the png display and simulate's pictures.</summary>
    public string OutputDirectory { get; set; } = "out";

    /// <summary>Seconds between one-line status logs when no terminal is drawn (under systemd).</summary>
    public double StatusIntervalSeconds { get; set; } = 30;

    public IEnumerable<string> Validate()
    {
        string[] kinds = ["auto", "terminal", "none", "png", .. Hardware.Displays.HardwareDisplayKinds.All];
        if (!kinds.Contains(Kind, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Display:Kind is '{Kind}'; it must be one of {string.Join(", ", kinds)}.";
        }

        if (Width < 1 || Width > 256)
        {
            yield return $"Display:Width is {Width}; it must be between 1 and 256.";
        }

        if (Height < 1 || Height > 256)
        {
            yield return $"Display:Height is {Height}; it must be between 1 and 256.";
        }

        if (Rotation is not (0 or 90 or 180 or 270))
        {
            yield return $"Display:Rotation is {Rotation}; it must be 0, 90, 180 or 270.";
        }

        if (!double.IsFinite(Brightness) || Brightness < 0 || Brightness > 1)
        {
            yield return $"Display:Brightness is {Brightness}; it must be between 0 and 1.";
        }

        if (!double.IsFinite(StatusIntervalSeconds) || StatusIntervalSeconds <= 0)
        {
            yield return $"Display:StatusIntervalSeconds is {StatusIntervalSeconds}; it must be a positive number of seconds.";
        }
    }
}
