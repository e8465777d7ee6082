using EdgeDevice.Hardware.Board;
using EdgeDevice.Platform;

namespace EdgeDevice.Hardware.Gpio;

/// <summary>Which GPIO driver a board gets.</summary>
public enum GpioDriverChoice
{
    /// <summary>Not a Raspberry Pi: no GPIO hardware is used.</summary>
    None,

    /// <summary>GpioController's own choice (RaspberryPi3Driver, memory-mapped) on a Pi 3/4/Zero 2 with Bookworm or older.</summary>
    Default,

    /// <summary>LibGpiodV2Driver (libgpiod.so.3): the Pi 5 (GPIO behind RP1) and any Pi on Raspberry Pi OS Trixie.</summary>
    LibGpiodV2,
}

public static class GpioDriverSelection
{
    public static GpioDriverChoice Choose(BoardInfo board, OsRelease os)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(os);
        if (!board.IsRaspberryPi)
        {
            return GpioDriverChoice.None;
        }

        return board.IsRaspberryPi5 || os.IsTrixieOrLater ? GpioDriverChoice.LibGpiodV2 : GpioDriverChoice.Default;
    }

    /// <summary>
    /// The gpiochip that carries the 40-pin header: the one labelled "pinctrl-rp1" (Pi 5) or
    /// "pinctrl-bcm2711"/"pinctrl-bcm2835" (older Pis). Its number moved between kernels (4 on
    /// early Pi 5 kernels, 0 since 6.6.47), so it is looked up by label; 0 when none matches.
    /// </summary>
    public static int HeaderChip(IEnumerable<(int Id, string Label)> chips)
    {
        ArgumentNullException.ThrowIfNull(chips);
        foreach ((int id, string label) in chips.OrderBy(c => c.Id))
        {
            if (label.StartsWith("pinctrl-rp1", StringComparison.Ordinal) || label.StartsWith("pinctrl-bcm", StringComparison.Ordinal))
            {
                return id;
            }
        }

        return 0;
    }
}
