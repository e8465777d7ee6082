namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The largest single SPI write the Linux spidev driver accepts: its module parameter bufsiz,
/// 4096 bytes unless raised on the kernel command line. A WS2812B frame must fit in one write.
/// </summary>
public static class SpiBufferSize
{
    public const int Default = 4096;
    public const string ParameterPath = "/sys/module/spidev/parameters/bufsiz";

    public const string RaiseHint = "add `spidev.bufsiz=65536` to the single line in /boot/firmware/cmdline.txt and reboot";

    /// <summary>The configured size, or <see cref="Default"/> when the parameter cannot be read (not loaded, not Linux).</summary>
    public static int Read(string path = ParameterPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out int size) && size > 0 ? size : Default;
        }
        catch (IOException)
        {
            return Default;
        }
        catch (UnauthorizedAccessException)
        {
            return Default;
        }
    }
}
