using System.Globalization;
using EdgeDevice.Settings;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The extra "Display" settings the LED matrices need beyond <see cref="DisplayOptions"/>
/// (Kind, Width, Height, Rotation, Brightness), bound from the same section. Width and
/// Height are the panel's own (as wired); at 90 and 270 degrees the viewer's picture is Height
/// wide. Only the fields a kind uses are read.
/// </summary>
public sealed class HardwareDisplayOptions
{
    /// <summary>SPI bus (default 0) or I2C bus (default 1).</summary>
    public int? Bus { get; set; }

    /// <summary>SPI chip select: 0 = CE0 (GPIO 8), 1 = CE1 (GPIO 7).</summary>
    public int ChipSelect { get; set; }

    /// <summary>I2C address, "0x70" or "112"; empty = the board's default (0x46 Sense HAT, 0x70 HT16K33, 0x74 IS31FL3731).</summary>
    public string? Address { get; set; }

    /// <summary>MAX7219 chips in the chain; 0 = Display:Width / 8.</summary>
    public int ChainLength { get; set; }

    /// <summary>WS2812B/SK6812 wiring: row-major or serpentine.</summary>
    public string Layout { get; set; } = "row-major";

    /// <summary>WS2812B/SK6812 supply budget in mA (about 20 mA per fully lit colour channel); 0 = no limit.</summary>
    public int MaxCurrentMilliamps { get; set; } = 2000;

    /// <summary>One-bit displays: threshold or bayer (ordered dithering, so gradients still read).</summary>
    public string Conversion { get; set; } = "threshold";

    /// <summary>One-bit displays: the luminance (or, bicolour, the channel value) that lights an LED.</summary>
    public int Threshold { get; set; } = 128;

    /// <summary>Sense HAT framebuffer device; empty = the /dev/fbN named "RPi-Sense FB".</summary>
    public string? Framebuffer { get; set; }

    /// <summary>HUB75: panels chained vertically / horizontally.</summary>
    public int ChainRows { get; set; } = 1;

    public int ChainColumns { get; set; } = 1;

    /// <summary>
    /// HUB75 pin mapping of the Adafruit bonnet: bonnet32 or bonnet64 (the binding's two tables
    /// differ only in swapping the G and B lines, as some 64-row panels need); auto = bonnet64
    /// for panels over 32 rows.
    /// </summary>
    public string Hub75Mapping { get; set; } = "auto";

    public WiringOrder WiringOrder => Layout.ToLowerInvariant() switch
    {
        "serpentine" or "zigzag" => WiringOrder.Serpentine,
        _ => WiringOrder.RowMajor,
    };

    public MonoConversion MonoConversion => string.Equals(Conversion, "bayer", StringComparison.OrdinalIgnoreCase) ? MonoConversion.Bayer : MonoConversion.Threshold;

    public int I2cAddress(int fallback) => ParseAddress(Address) ?? fallback;

    /// <summary>Problems with these settings for this kind and size, one sentence each (exit code 2).</summary>
    public IEnumerable<string> Validate(DisplayOptions display)
    {
        ArgumentNullException.ThrowIfNull(display);
        string kind = display.Kind.ToLowerInvariant();
        if (!HardwareDisplayKinds.IsHardware(kind))
        {
            yield break;
        }

        if (Bus is < 0 or > 22)
        {
            yield return $"Display:Bus is {Bus}; it must be a bus number between 0 and 22.";
        }

        if (ChipSelect is < 0 or > 2)
        {
            yield return $"Display:ChipSelect is {ChipSelect}; it must be 0, 1 or 2.";
        }

        if (!string.IsNullOrWhiteSpace(Address) && ParseAddress(Address) is not (>= 0x03 and <= 0x77))
        {
            yield return $"Display:Address is '{Address}'; it must be a 7-bit I2C address like 0x70.";
        }

        if (Layout.ToLowerInvariant() is not ("row-major" or "rowmajor" or "serpentine" or "zigzag"))
        {
            yield return $"Display:Layout is '{Layout}'; it must be row-major or serpentine.";
        }

        if (Conversion.ToLowerInvariant() is not ("threshold" or "bayer"))
        {
            yield return $"Display:Conversion is '{Conversion}'; it must be threshold or bayer.";
        }

        if (Threshold is < 1 or > 255)
        {
            yield return $"Display:Threshold is {Threshold}; it must be between 1 and 255.";
        }

        if (MaxCurrentMilliamps < 0)
        {
            yield return $"Display:MaxCurrentMilliamps is {MaxCurrentMilliamps}; it must be 0 (no limit) or a positive number of mA.";
        }

        if (Hub75Mapping.ToLowerInvariant() is not ("auto" or "bonnet32" or "bonnet64"))
        {
            yield return $"Display:Hub75Mapping is '{Hub75Mapping}'; it must be auto, bonnet32 or bonnet64.";
        }

        if (ChainRows < 1 || ChainColumns < 1)
        {
            yield return $"Display:ChainRows/ChainColumns are {ChainRows}/{ChainColumns}; both must be at least 1.";
        }

        string size = $"{display.Width}x{display.Height}";
        switch (kind)
        {
            case HardwareDisplayKinds.SenseHat or HardwareDisplayKinds.SenseHatI2c or HardwareDisplayKinds.SenseHatFramebuffer or HardwareDisplayKinds.Ht16k33Bicolor
                when size != "8x8":
                yield return $"Display:Width/Height are {size}; a {kind} matrix is 8x8.";
                break;
            case HardwareDisplayKinds.Ht16k33 when size is not ("8x8" or "16x8"):
                yield return $"Display:Width/Height are {size}; an HT16K33 backpack is 8x8 or 16x8.";
                break;
            case HardwareDisplayKinds.Is31fl3731 when size is not ("16x8" or "16x9" or "11x7" or "17x7"):
                yield return $"Display:Width/Height are {size}; IS31FL3731 boards are 16x8, 16x9, 11x7 or 17x7.";
                break;
            case HardwareDisplayKinds.Max7219 when display.Height != 8 || display.Width % 8 != 0 || (ChainLength != 0 && ChainLength * 8 != display.Width):
                yield return $"Display:Width/Height are {size} with Display:ChainLength {ChainLength}; a MAX7219 chain is (8 x chips) x 8.";
                break;
            case HardwareDisplayKinds.Hub75 when display.Width < 8 || display.Height < 8 || display.Height % ChainRows != 0:
                yield return $"Display:Width/Height are {size}; a HUB75 panel is at least 8x8 and its height divides by Display:ChainRows.";
                break;
        }
    }

    private static int? ParseAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return int.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : -1;
    }
}
