namespace EdgeDevice.Platform;

/// <summary>The /dev nodes that tell whether SPI, I2C and cameras are enabled, read from one folder so tests can fake it.</summary>
public sealed class DeviceNodes(string devDirectory = "/dev")
{
    public IReadOnlyList<string> Spi => Find("spidev*");

    public IReadOnlyList<string> I2c => Find("i2c-*");

    public IReadOnlyList<string> Video => Find("video*");

    public IReadOnlyList<string> Framebuffers => Find("fb*");

    private string[] Find(string pattern)
    {
        if (!Directory.Exists(devDirectory))
        {
            return [];
        }

        string[] found = Directory.GetFiles(devDirectory, pattern);
        Array.Sort(found, StringComparer.Ordinal);
        return found;
    }
}
