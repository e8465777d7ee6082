namespace EdgeDevice.Platform;

/// <summary>
/// What board this is, read from the device tree ("Raspberry Pi 4 Model B Rev 1.4"). Off a
/// Pi the model is absent or names something else, and hardware is simply not used.
/// </summary>
public sealed record BoardInfo(string? Model)
{
    public const string ModelPath = "/proc/device-tree/model";

    public bool IsRaspberryPi => Model?.StartsWith("Raspberry Pi", StringComparison.Ordinal) == true;

    /// <summary>The Pi 5 moved GPIO to the RP1 chip: it needs libgpiod v2, not the memory-mapped driver.</summary>
    public bool IsRaspberryPi5 => Model?.StartsWith("Raspberry Pi 5", StringComparison.Ordinal) == true
        || Model?.StartsWith("Raspberry Pi Compute Module 5", StringComparison.Ordinal) == true;

    public static BoardInfo Detect(string modelPath = ModelPath)
    {
        try
        {
            // The device tree string ends in a NUL byte.
            string text = File.ReadAllText(modelPath).TrimEnd('\0', '\n', ' ');
            return new BoardInfo(text.Length == 0 ? null : text);
        }
        catch (IOException)
        {
            return new BoardInfo((string?)null);
        }
        catch (UnauthorizedAccessException)
        {
            return new BoardInfo((string?)null);
        }
    }
}
