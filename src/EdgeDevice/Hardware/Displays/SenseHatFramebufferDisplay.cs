using EdgeDevice.Display;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// The Sense HAT matrix through its kernel framebuffer ("RPi-Sense FB", /dev/fbN): 8x8 pixels of
/// RGB565, little-endian, row-major, so a frame is one 128-byte write at offset 0. Written here
/// rather than through SenseHatLedMatrixSysFs because that class finds the device itself (no
/// way to point it at a file) and writes two bytes per call.
/// </summary>
public sealed class SenseHatFramebufferDisplay : BlankOnDisposeDisplay
{
    public const string FramebufferName = "RPi-Sense FB";

    private readonly FileStream _device;
    private readonly PanelMap _map;
    private readonly BrightnessTable _brightness;
    private readonly byte[] _buffer = new byte[128];

    public SenseHatFramebufferDisplay(string devicePath, int rotation = 0, double brightness = 1.0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        _map = new PanelMap(8, 8, rotation);
        _brightness = new BrightnessTable(brightness);
        Capabilities = new DisplayCapabilities(8, 8, ColorDepth.Rgb24, rotation, brightness);
        DevicePath = devicePath;
        _device = new FileStream(devicePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        Blank();
    }

    public override string Name => field ??= $"sensehat 8x8 ({DevicePath})";

    public override DisplayCapabilities Capabilities { get; }

    public string DevicePath { get; }

    /// <summary>RGB565: the top 5 bits of red, 6 of green, 5 of blue.</summary>
    public static ushort ToRgb565(Rgb c) => (ushort)(((c.R >> 3) << 11) | ((c.G >> 2) << 5) | (c.B >> 3));

    /// <summary>
    /// The /dev/fbN whose sysfs name is "RPi-Sense FB", or null when the driver is not loaded.
    /// </summary>
    public static string? Find(string sysClassGraphics = "/sys/class/graphics", string devDirectory = "/dev")
    {
        if (!Directory.Exists(sysClassGraphics))
        {
            return null;
        }

        string[] entries = Directory.GetFileSystemEntries(sysClassGraphics, "fb*");
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (string entry in entries)
        {
            try
            {
                string nameFile = Path.Combine(entry, "name");
                if (File.Exists(nameFile) && File.ReadAllText(nameFile).Trim() == FramebufferName)
                {
                    return Path.Combine(devDirectory, Path.GetFileName(entry));
                }
            }
            catch (IOException)
            {
                // A framebuffer that vanished while we looked is not the one we want.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        for (int i = 0; i < pixels.Length; i++)
        {
            ushort v = ToRgb565(_brightness.Scale(pixels[i]));
            int at = toPanel[i] * 2;
            _buffer[at] = (byte)v;
            _buffer[at + 1] = (byte)(v >> 8);
        }

        Send();
    }

    public override void Blank()
    {
        Array.Clear(_buffer);
        Send();
    }

    protected override void ReleaseHardware() => _device.Dispose();

    private void Send()
    {
        _device.Seek(0, SeekOrigin.Begin);
        _device.Write(_buffer, 0, _buffer.Length);
        _device.Flush();
    }
}
