using EdgeDevice.Platform;

namespace EdgeDevice.Hardware.Board;

/// <summary>
/// Everything hardware creation and detection read from the machine, gathered so tests can
/// point each at a temp folder: the board model, the OS release, /dev, the framebuffer names
/// in sysfs, the HAT EEPROM product string, the spidev buffer size, /sys/class/video4linux
/// and PATH.
/// </summary>
public sealed record HardwareEnvironment
{
    public required BoardInfo Board { get; init; }

    public OsRelease Os { get; init; } = new((string?)null);

    public BusAccess Buses { get; init; } = new();

    public string SysClassGraphics { get; init; } = "/sys/class/graphics";

    public string HatProductPath { get; init; } = "/proc/device-tree/hat/product";

    public string SpiBufsizPath { get; init; } = Displays.SpiBufferSize.ParameterPath;

    public string SysClassVideo { get; init; } = "/sys/class/video4linux";

    public string? SearchPath { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static HardwareEnvironment ForThisMachine() => new()
    {
        Board = BoardInfo.Detect(),
        Os = OsRelease.Read(),
    };

    /// <summary>The product string of an attached HAT's EEPROM ("Sense HAT"), or null.</summary>
    public string? HatProduct()
    {
        try
        {
            string text = File.ReadAllText(HatProductPath).TrimEnd('\0', '\n', ' ');
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
