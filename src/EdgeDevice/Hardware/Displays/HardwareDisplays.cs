using System.Device.I2c;
using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Settings;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// Creates the configured LED matrix from the settings: opens its bus (after checking it), builds
/// the display and wraps it in <see cref="ResilientDisplay"/> so run-time bus errors are retried
/// with back-off instead of stopping the frame loop. Start-up problems throw
/// <see cref="UserInputException"/> (bad settings, exit 2) or
/// <see cref="HardwareUnavailableException"/> (absent or unusable hardware, with the fix, exit 4).
/// </summary>
public static class HardwareDisplays
{
    public const int DefaultSpiBus = 0;
    public const int DefaultI2cBus = 1;

    public static IDisplay Create(DisplayOptions display, HardwareDisplayOptions hardware, HardwareEnvironment env, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(env);
        string kind = display.Kind.ToLowerInvariant();
        if (!HardwareDisplayKinds.IsHardware(kind))
        {
            throw new ArgumentException($"Display:Kind '{display.Kind}' is not a hardware display ({string.Join(", ", HardwareDisplayKinds.All)}).", nameof(display));
        }

        string? problem = hardware.Validate(display).FirstOrDefault();
        if (problem is not null)
        {
            throw new UserInputException(problem);
        }

        if (!env.Board.IsRaspberryPi)
        {
            throw new HardwareUnavailableException(
                $"Display:Kind is {kind}, but this machine is {env.Board.Model ?? "not a Raspberry Pi (no /proc/device-tree/model)"}: LED matrices need a Raspberry Pi; use Display:Kind=terminal or png here, or auto.");
        }

        IDisplay inner = kind switch
        {
            HardwareDisplayKinds.SenseHat => OpenSenseHat(display, hardware, env, preferFramebuffer: true),
            HardwareDisplayKinds.SenseHatFramebuffer => OpenSenseHatFramebuffer(display, hardware, env, required: true)!,
            HardwareDisplayKinds.SenseHatI2c => OpenSenseHat(display, hardware, env, preferFramebuffer: false),
            HardwareDisplayKinds.Max7219 => new Max7219Display(
                env.Buses.OpenSpi(Max7219Display.SpiSettings(hardware.Bus ?? DefaultSpiBus, hardware.ChipSelect), "MAX7219 matrix"),
                hardware.ChainLength == 0 ? display.Width / 8 : hardware.ChainLength,
                display.Rotation,
                display.Brightness,
                hardware.MonoConversion,
                hardware.Threshold),
            HardwareDisplayKinds.Ws2812b or HardwareDisplayKinds.Sk6812 => OpenStrip(display, hardware, env, kind == HardwareDisplayKinds.Sk6812 ? LedStripChip.Sk6812 : LedStripChip.Ws2812b),
            HardwareDisplayKinds.Ht16k33 or HardwareDisplayKinds.Ht16k33Bicolor => OpenI2c(
                env,
                hardware,
                Ht16k33Display.DefaultAddress,
                "HT16K33 backpack",
                i2c => new Ht16k33Display(
                    i2c,
                    kind == HardwareDisplayKinds.Ht16k33Bicolor ? Ht16k33Model.Bicolor8x8 : display.Width == 16 ? Ht16k33Model.Mono16x8 : Ht16k33Model.Mono8x8,
                    display.Rotation,
                    display.Brightness,
                    hardware.MonoConversion,
                    hardware.Threshold)),
            HardwareDisplayKinds.Is31fl3731 => OpenI2c(
                env,
                hardware,
                Is31fl3731Display.DefaultAddress,
                "IS31FL3731 matrix",
                i2c => new Is31fl3731Display(i2c, display.Width, display.Height, display.Rotation, display.Brightness)),
            _ => Hub75Display.Open(env.Board, display.Width, display.Height, display.Rotation, display.Brightness, hardware.ChainRows, hardware.ChainColumns, hardware.Hub75Mapping),
        };
        return new ResilientDisplay(inner, logger, env.Time);
    }

    /// <summary>
    /// The display `auto` should use on this machine, or null for a simulated one: a Sense HAT
    /// when its EEPROM or framebuffer says so. SPI matrices cannot be detected (SPI has no
    /// acknowledge), so they are only used when configured.
    /// </summary>
    public static string? Detect(HardwareEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (!env.Board.IsRaspberryPi)
        {
            return null;
        }

        bool hat = env.HatProduct()?.Contains("Sense HAT", StringComparison.OrdinalIgnoreCase) == true;
        return hat || SenseHatFramebufferDisplay.Find(env.SysClassGraphics, env.Buses.DevDirectory) is not null ? HardwareDisplayKinds.SenseHat : null;
    }

    private static IDisplay OpenSenseHat(DisplayOptions display, HardwareDisplayOptions hardware, HardwareEnvironment env, bool preferFramebuffer)
    {
        // With the rpi-sense kernel driver loaded the framebuffer owns the matrix: writing to it
        // over I2C as well would fight the driver.
        if (preferFramebuffer && OpenSenseHatFramebuffer(display, hardware, env, required: false) is IDisplay fb)
        {
            return fb;
        }

        return OpenI2c(env, hardware, SenseHatI2cDisplay.Address, "Sense HAT", i2c => new SenseHatI2cDisplay(i2c, display.Rotation, display.Brightness));
    }

    private static SenseHatFramebufferDisplay? OpenSenseHatFramebuffer(DisplayOptions display, HardwareDisplayOptions hardware, HardwareEnvironment env, bool required)
    {
        string? path = string.IsNullOrWhiteSpace(hardware.Framebuffer)
            ? SenseHatFramebufferDisplay.Find(env.SysClassGraphics, env.Buses.DevDirectory)
            : hardware.Framebuffer;
        if (path is null || !File.Exists(path))
        {
            return required
                ? throw new HardwareUnavailableException(
                    $"No Sense HAT framebuffer ({path ?? $"no /dev/fbN named \"{SenseHatFramebufferDisplay.FramebufferName}\""}): add `dtoverlay=rpi-sense` to /boot/firmware/config.txt and reboot, or use Display:Kind=sensehat-i2c.")
                : null;
        }

        try
        {
            return new SenseHatFramebufferDisplay(path, display.Rotation, display.Brightness);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HardwareUnavailableException($"The Sense HAT cannot be used: {BusFixes.PermissionDenied(path, "video")}.", ex);
        }
        catch (IOException ex)
        {
            throw new HardwareUnavailableException($"The Sense HAT framebuffer {path} cannot be written ({ex.Message}).", ex);
        }
    }

    private static LedStripDisplay OpenStrip(DisplayOptions display, HardwareDisplayOptions hardware, HardwareEnvironment env, LedStripChip chip)
    {
        // Check the buffer before touching the bus, so the fix comes first.
        int bufferSize = SpiBufferSize.Read(env.SpiBufsizPath);
        var spi = env.Buses.OpenSpi(LedStripDisplay.SpiSettings(hardware.Bus ?? DefaultSpiBus, hardware.ChipSelect), $"{chip} panel");
        try
        {
            return new LedStripDisplay(spi, display.Width, display.Height, chip, hardware.WiringOrder, display.Rotation, display.Brightness, hardware.MaxCurrentMilliamps, bufferSize);
        }
        catch
        {
            spi.Dispose();
            throw;
        }
    }

    /// <summary>Opens the I2C device and builds the display; a device that does not answer its set-up writes is absent.</summary>
    private static IDisplay OpenI2c(HardwareEnvironment env, HardwareDisplayOptions hardware, int defaultAddress, string what, Func<I2cDevice, IDisplay> create)
    {
        int bus = hardware.Bus ?? DefaultI2cBus;
        int address = hardware.I2cAddress(defaultAddress);
        I2cDevice i2c = env.Buses.OpenI2c(bus, address, what);
        try
        {
            return create(i2c);
        }
        catch (IOException ex)
        {
            i2c.Dispose();
            throw new HardwareUnavailableException($"The {what} cannot be used: {BusFixes.NoAnswer(bus, address, what, ex.Message)}.", ex);
        }
        catch
        {
            i2c.Dispose();
            throw;
        }
    }
}
