using System.Device.I2c;
using System.Device.Spi;
using EdgeDevice.Cli;

namespace EdgeDevice.Hardware.Board;

/// <summary>
/// Opens SPI and I2C devices for displays after checking their /dev nodes, so a missing or
/// forbidden bus stops start-up with the fix (exit code 4) instead of an IOException from the
/// first frame. The folder, the openers and the access check are injectable for tests.
/// </summary>
public sealed class BusAccess
{
    private readonly string _dev;
    private readonly Func<SpiConnectionSettings, SpiDevice> _openSpi;
    private readonly Func<I2cConnectionSettings, I2cDevice> _openI2c;
    private readonly Func<string, bool> _canOpen;

    public BusAccess(string devDirectory = "/dev", Func<SpiConnectionSettings, SpiDevice>? openSpi = null, Func<I2cConnectionSettings, I2cDevice>? openI2c = null, Func<string, bool>? canOpen = null)
    {
        _dev = devDirectory;
        _openSpi = openSpi ?? SpiDevice.Create;
        _openI2c = openI2c ?? I2cDevice.Create;
        _canOpen = canOpen ?? CanOpenForWriting;
    }

    public string DevDirectory => _dev;

    public string SpiNode(int bus, int chipSelect) => Path.Combine(_dev, $"spidev{bus}.{chipSelect}");

    public string I2cNode(int bus) => Path.Combine(_dev, $"i2c-{bus}");

    /// <summary>Null when the node is usable, else the fix.</summary>
    public string? SpiProblem(int bus, int chipSelect)
    {
        string node = SpiNode(bus, chipSelect);
        if (!File.Exists(node))
        {
            return BusFixes.SpiNodeMissing(node, Find("spidev*"));
        }

        return _canOpen(node) ? null : BusFixes.PermissionDenied(node, "spi");
    }

    /// <summary>Null when the node is usable, else the fix.</summary>
    public string? I2cProblem(int bus)
    {
        string node = I2cNode(bus);
        if (!File.Exists(node))
        {
            return BusFixes.I2cNodeMissing(node, Find("i2c-*"));
        }

        return _canOpen(node) ? null : BusFixes.PermissionDenied(node, "i2c");
    }

    /// <summary>Null when an existing node can be opened, else the group to join; null also when it does not exist (callers check that).</summary>
    public string? PermissionProblem(string node, string group) =>
        File.Exists(node) && !_canOpen(node) ? BusFixes.PermissionDenied(node, group) : null;

    public SpiDevice OpenSpi(SpiConnectionSettings settings, string what)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? problem = SpiProblem(settings.BusId, settings.ChipSelectLine);
        if (problem is not null)
        {
            throw new HardwareUnavailableException($"The {what} cannot be used: {problem}.");
        }

        return _openSpi(settings);
    }

    public I2cDevice OpenI2c(int bus, int address, string what)
    {
        string? problem = I2cProblem(bus);
        if (problem is not null)
        {
            throw new HardwareUnavailableException($"The {what} cannot be used: {problem}.");
        }

        try
        {
            return _openI2c(new I2cConnectionSettings(bus, address));
        }
        catch (IOException ex)
        {
            throw new HardwareUnavailableException($"The {what} cannot be used: {ex.Message}", ex);
        }
    }

    private static bool CanOpenForWriting(string node)
    {
        try
        {
            using var f = new FileStream(node, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            // Busy or odd, but not a permission problem: let the real open report it.
            return true;
        }
    }

    private string[] Find(string pattern)
    {
        if (!Directory.Exists(_dev))
        {
            return [];
        }

        string[] found = Directory.GetFiles(_dev, pattern);
        Array.Sort(found, StringComparer.Ordinal);
        return found;
    }
}
