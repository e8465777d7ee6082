namespace EdgeDevice.Hardware.Board;

/// <summary>The exact fixes printed when a bus is missing or not accessible (shared by start-up errors and `info`).</summary>
public static class BusFixes
{
    public const string SpiDisabled = "SPI is disabled: run `sudo raspi-config nonint do_spi 0` or add `dtparam=spi=on` to /boot/firmware/config.txt, then reboot";

    public const string I2cDisabled = "I2C is disabled: run `sudo raspi-config nonint do_i2c 0` or add `dtparam=i2c_arm=on` to /boot/firmware/config.txt, then reboot";

    public static string PermissionDenied(string node, string group) =>
        $"permission denied on {node}: add the user to the {group} group (`sudo usermod -aG {group} $USER`, then log in again)";

    public static string SpiNodeMissing(string node, IReadOnlyList<string> found) => found.Count == 0
        ? SpiDisabled
        : $"{node} does not exist (found {string.Join(", ", found)}): check Display:Bus and Display:ChipSelect"
          + (node.Contains("spidev1.", StringComparison.Ordinal) ? ", and for SPI1 add `dtoverlay=spi1-1cs` to /boot/firmware/config.txt" : string.Empty);

    public static string I2cNodeMissing(string node, IReadOnlyList<string> found) => found.Count == 0
        ? I2cDisabled
        : $"{node} does not exist (found {string.Join(", ", found)}): check Display:Bus";

    public static string NoAnswer(int bus, int address, string what, string detail) =>
        $"no {what} answered at I2C address 0x{address:X2} on bus {bus} ({detail}): check the wiring and power, and look for it with `i2cdetect -y {bus}`";
}
