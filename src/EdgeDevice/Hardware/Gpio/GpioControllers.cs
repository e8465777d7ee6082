using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using EdgeDevice.Cli;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Platform;

namespace EdgeDevice.Hardware.Gpio;

/// <summary>
/// Opens the GpioController for this board with the right driver, turning the drivers' own
/// failures (no libgpiod, no permission, not a Pi) into <see cref="HardwareUnavailableException"/>
/// messages that say what to install or change.
/// </summary>
public static class GpioControllers
{
    public static GpioController Open(BoardInfo board, OsRelease os)
    {
        GpioDriverChoice choice = GpioDriverSelection.Choose(board, os);
        try
        {
            return choice switch
            {
                GpioDriverChoice.LibGpiodV2 => OpenLibgpiodV2(),
                GpioDriverChoice.Default => new GpioController(),
                _ => throw new HardwareUnavailableException(
                    $"The GPIO button needs a Raspberry Pi, and this board is {board.Model ?? "not one (no /proc/device-tree/model)"}: set Button:Enabled to false."),
            };
        }
        catch (DllNotFoundException ex)
        {
            throw new HardwareUnavailableException(
                $"The GPIO library is missing ({ex.Message}): run `sudo apt install {(choice == GpioDriverChoice.LibGpiodV2 ? "libgpiod3" : "libgpiod2")}`.",
                ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HardwareUnavailableException($"Permission denied on the GPIO chip ({ex.Message}): add the user to the gpio group (`sudo usermod -aG gpio $USER`, then log in again).", ex);
        }
        catch (IOException ex)
        {
            // GpiodException is an IOException: most often EACCES on /dev/gpiochipN.
            throw new HardwareUnavailableException($"Could not open the GPIO chip ({ex.Message}): check that /dev/gpiochip* exists and that the user is in the gpio group.", ex);
        }
        catch (PlatformNotSupportedException ex)
        {
            throw new HardwareUnavailableException($"The GPIO driver does not support this board ({board.Model}): {ex.Message}", ex);
        }
    }

    private static GpioController OpenLibgpiodV2()
    {
        int chip = GpioDriverSelection.HeaderChip(LibGpiodV2Driver.GetAvailableChips().Select(c => (c.Id, c.Label)));
        return new GpioController(new LibGpiodV2Driver(chip));
    }
}
