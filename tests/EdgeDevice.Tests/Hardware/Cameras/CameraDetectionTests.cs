using EdgeDevice.Hardware.Board;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Platform;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware.Cameras;

public sealed class CameraDetectionTests : IDisposable
{
    // The shape rpicam-apps prints for --list-cameras (core/options.cpp): index, model, [area bits CFA], (libcamera id).
    private const string Listing = """
        Available cameras
        -----------------
        0 : imx708 [4608x2592 10-bit RGGB] (/base/axi/pcie@120000/rp1/i2c@88000/imx708@1a)
            Modes: 'SRGGB10_CSI2P' : 1536x864 [120.13 fps - (768, 432)/3072x1728 crop]
        1 : ov5647 [2592x1944 10-bit GBRG] (/base/soc/i2c0mux/i2c@1/ov5647@36)
        2 : uvcvideo [1920x1080] (/base/scb/pcie@7d500000/pci@0,0/usb@0,0-1.2:1.0-046d:0825)
        """;

    private readonly TempFolder _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void CsiCamerasAreTheListedSensorsOnAnI2cBus()
    {
        var cams = CameraDetection.ParseCameraList(Listing);
        Assert.Equal(["imx708", "ov5647"], cams.Select(c => c.Name));
        Assert.All(cams, c => Assert.Equal("picamera", c.Kind));
        Assert.Equal("/base/soc/i2c0mux/i2c@1/ov5647@36", cams[1].Where);
        Assert.Empty(CameraDetection.ParseCameraList("No cameras available!\n"));
        Assert.Empty(CameraDetection.ParseCameraList(null));
    }

    [Fact]
    public void UsbCamerasAreCaptureNodesOnAUsbBusAndThePisOwnNodesAreSkipped()
    {
        string sys = FakeSysfs();
        var cams = CameraDetection.FindUsbCameras(Env("Raspberry Pi 4 Model B Rev 1.4", sys));
        DetectedCamera cam = Assert.Single(cams);
        Assert.Equal(("camera", "HD Pro Webcam C920", "/dev/video2", 2), (cam.Kind, cam.Name, cam.Where, cam.Device));
    }

    [Fact]
    public void AutoPrefersThePiCameraThenUsbThenNothing()
    {
        string sys = FakeSysfs();
        string bin = _t.File("bin");
        Directory.CreateDirectory(bin);
        FakeCameraApp.MakeExecutable(_t.Write("bin/rpicam-vid", "#!/bin/sh\n"));
        var calls = new List<string>();
        CameraDetection.Runner runner = (exe, args, _) =>
        {
            calls.Add($"{Path.GetFileName(exe)} {string.Join(' ', args)}");
            return Listing;
        };

        var env = Env("Raspberry Pi 5 Model B Rev 1.0", sys) with { SearchPath = bin };
        Assert.Equal("picamera", CameraDetection.Detect(env, runner)?.Kind);
        Assert.Equal(["rpicam-vid --list-cameras"], calls);

        Assert.Equal("camera", CameraDetection.Detect(env, (_, _, _) => "No cameras available!")?.Kind);
        Assert.Equal("camera", CameraDetection.Detect(Env(null, sys) with { SearchPath = bin }, runner)?.Kind);
        Assert.Null(CameraDetection.Detect(Env(null, _t.File("nothing")), runner));
    }

    [Fact]
    public void TheRealRunnerReturnsStdoutAndGivesUpOnAHungCommand()
    {
        string ok = _t.Write("ok.sh", "#!/bin/sh\necho 'to stderr' >&2\necho '0 : imx219 [3280x2464] (/base/soc/i2c0mux/i2c@1/imx219@10)'\n");
        FakeCameraApp.MakeExecutable(ok);
        Assert.Contains("imx219", CommandRunner.Run(ok, ["--list-cameras"], TimeSpan.FromSeconds(10)));
        string hung = _t.Write("hung.sh", "#!/bin/sh\nsleep 30\n");
        FakeCameraApp.MakeExecutable(hung);
        Assert.Null(CommandRunner.Run(hung, [], TimeSpan.FromMilliseconds(300)));
        Assert.Null(CommandRunner.Run(_t.File("missing"), [], TimeSpan.FromSeconds(1)));
    }

    private HardwareEnvironment Env(string? board, string sys) => new()
    {
        Board = new BoardInfo(board),
        SysClassVideo = sys,
        SearchPath = _t.File("empty-path"),
        Buses = new BusAccess(_t.File("dev")),
    };

    /// <summary>/sys/class/video4linux as on a Pi 4 with a C920: codec nodes on the platform bus, the webcam's capture and metadata nodes on USB.</summary>
    private string FakeSysfs()
    {
        string devices = _t.File("sys/devices");
        string usb = Path.Combine(devices, "platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.2/1-1.2:1.0");
        string codec = Path.Combine(devices, "platform/soc/fe00b840.mailbox/bcm2835-codec");
        Directory.CreateDirectory(usb);
        Directory.CreateDirectory(codec);
        string cls = _t.File("sys/class/video4linux");
        Node("video2", usb, "0", "HD Pro Webcam C920");
        Node("video3", usb, "1", "HD Pro Webcam C920");
        Node("video10", codec, "0", "bcm2835-codec-decode");
        return cls;

        void Node(string name, string device, string index, string label)
        {
            string dir = Path.Combine(cls, name);
            Directory.CreateDirectory(dir);
            File.CreateSymbolicLink(Path.Combine(dir, "device"), device);
            File.WriteAllText(Path.Combine(dir, "index"), index + "\n");
            File.WriteAllText(Path.Combine(dir, "name"), label + "\n");
        }
    }
}
