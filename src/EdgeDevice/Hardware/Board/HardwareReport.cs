using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Hardware.Gpio;

namespace EdgeDevice.Hardware.Board;

/// <summary>
/// The hardware facts `info` prints: for each display kind and camera, whether it can be used
/// here and, when not, the exact fix. SPI matrices cannot be detected (SPI has no acknowledge),
/// so for them "ok" means the bus is ready; I2C boards are not probed either (probing can upset
/// some chips), `i2cdetect` is suggested instead.
/// </summary>
public static class HardwareReport
{
    public static IReadOnlyList<HardwareFact> Collect(HardwareEnvironment env, CameraDetection.Runner? run = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        var facts = new List<HardwareFact>();
        if (env.Board.IsRaspberryPi)
        {
            AddDisplays(env, facts);
            GpioDriverChoice gpio = GpioDriverSelection.Choose(env.Board, env.Os);
            facts.Add(new HardwareFact("gpio button", true, gpio == GpioDriverChoice.LibGpiodV2
                ? "libgpiod v2 driver (Pi 5 or Trixie; needs libgpiod3); enable with Button:Enabled=true"
                : "default Raspberry Pi driver; enable with Button:Enabled=true"));
        }
        else
        {
            facts.Add(new HardwareFact("led matrices", false, $"not a Raspberry Pi ({env.Board.Model ?? "no /proc/device-tree/model"}): the LED matrix is simulated (terminal, png)"));
            facts.Add(new HardwareFact("gpio button", false, "not a Raspberry Pi: use the keys k, m, t instead"));
        }

        AddCameras(env, run, facts);
        return facts;
    }

    private static void AddDisplays(HardwareEnvironment env, List<HardwareFact> facts)
    {
        BusAccess buses = env.Buses;
        string? spi = buses.SpiProblem(HardwareDisplays.DefaultSpiBus, 0);
        string? i2c = buses.I2cProblem(HardwareDisplays.DefaultI2cBus);
        string spiNode = buses.SpiNode(HardwareDisplays.DefaultSpiBus, 0);
        string i2cNode = buses.I2cNode(HardwareDisplays.DefaultI2cBus);

        string? framebuffer = SenseHatFramebufferDisplay.Find(env.SysClassGraphics, buses.DevDirectory);
        bool eeprom = env.HatProduct()?.Contains("Sense HAT", StringComparison.OrdinalIgnoreCase) == true;
        if (framebuffer is not null)
        {
            string? denied = buses.PermissionProblem(framebuffer, "video");
            facts.Add(new HardwareFact("sensehat", denied is null, denied ?? $"found: framebuffer {framebuffer} (the default display)"));
        }
        else if (eeprom)
        {
            facts.Add(new HardwareFact("sensehat", i2c is null, i2c ?? $"found (HAT EEPROM), driven over I2C {i2cNode} at 0x46; for the framebuffer add `dtoverlay=rpi-sense` to /boot/firmware/config.txt"));
        }
        else
        {
            facts.Add(new HardwareFact("sensehat", false, "not detected: no HAT EEPROM says Sense HAT and no \"RPi-Sense FB\" framebuffer; fit the HAT and reboot (or add `dtoverlay=rpi-sense` to /boot/firmware/config.txt)"));
        }

        facts.Add(new HardwareFact("max7219", spi is null, spi ?? $"SPI ready ({spiNode}); SPI chips cannot be detected: set Display:Kind=max7219"));
        int bufsiz = SpiBufferSize.Read(env.SpiBufsizPath);
        int maxLeds = (bufsiz - LedStripDisplay.ResetBytes) / LedStripDisplay.BytesPerLed(LedStripChip.Ws2812b);
        facts.Add(new HardwareFact("ws2812b/sk6812", spi is null, spi ?? $"SPI ready ({spiNode}), spidev buffer {bufsiz} bytes = up to {maxLeds} WS2812B LEDs (raise it: {SpiBufferSize.RaiseHint}); set Display:Kind=ws2812b"));
        facts.Add(new HardwareFact("ht16k33", i2c is null, i2c ?? $"I2C ready ({i2cNode}); look for 0x70 with `i2cdetect -y 1`, then set Display:Kind=ht16k33"));
        facts.Add(new HardwareFact("is31fl3731", i2c is null, i2c ?? $"I2C ready ({i2cNode}); look for 0x74 with `i2cdetect -y 1`, then set Display:Kind=is31fl3731"));
        facts.Add(Hub75Display.IsSupported(env.Board)
            ? new HardwareFact("hub75", true, "supported on this board (RGB matrix bonnet pin mapping); set Display:Kind=hub75")
            : new HardwareFact("hub75", false, $"needs a Raspberry Pi 3, 4, 400, Zero 2 W or CM3/CM4 (this is {env.Board.Model}): use another matrix kind"));
    }

    private static void AddCameras(HardwareEnvironment env, CameraDetection.Runner? run, List<HardwareFact> facts)
    {
        if (env.Board.IsRaspberryPi)
        {
            string? app = ExecutableSearch.FindPiCameraApp(env.SearchPath);
            IReadOnlyList<DetectedCamera> pi = app is null ? [] : CameraDetection.FindPiCameras(env, run);
            facts.Add(app is null
                ? new HardwareFact("picamera", false, $"rpicam-vid not found: {PiCameraSource.InstallHint}")
                : pi.Count == 0
                    ? new HardwareFact("picamera", false, "no camera detected: check the ribbon cable and that `camera_auto_detect=1` is in /boot/firmware/config.txt, then run `rpicam-hello --list-cameras`")
                    : new HardwareFact("picamera", true, string.Join(", ", pi.Select(c => $"{c.Name} ({c.Where})")) + $" via {Path.GetFileName(app)}"));
        }

        IReadOnlyList<DetectedCamera> usb = CameraDetection.FindUsbCameras(env);
        if (usb.Count == 0)
        {
            facts.Add(new HardwareFact("usb camera", false, "none found: plug in a UVC webcam (`v4l2-ctl --list-devices` lists cameras)"));
            return;
        }

        foreach (DetectedCamera c in usb)
        {
            string node = Path.Combine(env.Buses.DevDirectory, Path.GetFileName(c.Where));
            string? denied = env.Buses.PermissionProblem(node, "video");
            facts.Add(new HardwareFact("usb camera", denied is null, denied ?? $"{c.Name} at {c.Where} (Source:Kind=camera, Source device {c.Device})"));
        }
    }
}
