using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Platform;
using EdgeDevice.Settings;
using EdgeDevice.Sources;
using EdgeDevice.Tests.Hardware.Fakes;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware.Cameras;

public sealed class HardwareSourcesTests : IDisposable
{
    private readonly TempFolder _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task PicameraChecksTheCameraIsListedThenStreams()
    {
        string app = FakeCameraApp.Create(_t, "rpicam-vid", stride: 64, """
            frame(42)
            forever()
            """);
        // The stand-in answers --list-cameras like rpicam-vid before the prelude checks its streaming arguments.
        string script = File.ReadAllText(app).Replace(
            "args = sys.argv[1:]\n",
            "args = sys.argv[1:]\nif args == ['--list-cameras']:\n    print('0 : imx708 [4608x2592 10-bit RGGB] (/base/soc/i2c0mux/i2c@1/imx708@1a)')\n    sys.exit(0)\n",
            StringComparison.Ordinal);
        File.WriteAllText(app, script);

        using IFrameSource source = HardwareSources.Create(
            new SourceOptions { Kind = "picamera", FrameRate = 10 },
            new HardwareCameraOptions { CameraWidth = 64, CameraHeight = 4, CameraApp = app },
            Env());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        LumaFrame? frame = await source.ReadAsync(timeout.Token);
        Assert.NotNull(frame);
        Assert.Equal(42, FakeCameraApp.IdOf(frame.Pixels, 64, 4));
        Assert.StartsWith("picamera 64x4", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PicameraWithNoCameraListedIsHardwareUnavailable()
    {
        string app = _t.Write("rpicam-vid", "#!/bin/sh\necho 'No cameras available!'\n");
        FakeCameraApp.MakeExecutable(app);
        var ex = Assert.Throws<HardwareUnavailableException>(() => HardwareSources.Create(
            new SourceOptions { Kind = "picamera" },
            new HardwareCameraOptions { CameraApp = app },
            Env()));
        Assert.Contains("rpicam-hello --list-cameras", ex.Message);
    }

    [Fact]
    public void PicameraWithoutTheAppSaysWhatToInstall()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => HardwareSources.Create(new SourceOptions { Kind = "picamera" }, new HardwareCameraOptions(), Env()));
        Assert.Contains("sudo apt install rpicam-apps", ex.Message);
    }

    [Fact]
    public void AUsbCameraKindWithNoCameraIsHardwareUnavailable()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => HardwareSources.Create(new SourceOptions { Kind = "camera" }, new HardwareCameraOptions(), Env()));
        Assert.Contains("plug in a UVC webcam", ex.Message);
    }

    [Fact]
    public void BadCameraSettingsAreUserErrors()
    {
        var ex = Assert.Throws<UserInputException>(() => HardwareSources.Create(new SourceOptions { Kind = "camera" }, new HardwareCameraOptions { CameraWidth = 641 }, Env()));
        Assert.Contains("Source:CameraWidth", ex.Message);
    }

    private HardwareEnvironment Env() => new()
    {
        Board = new BoardInfo("Raspberry Pi 4 Model B Rev 1.4"),
        SearchPath = _t.File("empty-path"),
        SysClassVideo = _t.File("no-video4linux"),
        Buses = new BusAccess(_t.File("dev")),
    };
}
