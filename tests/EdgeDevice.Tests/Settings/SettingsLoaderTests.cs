using EdgeDevice.Cli;
using EdgeDevice.Settings;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Settings;

public class SettingsLoaderTests
{
    [Fact]
    public void LayersAreDefaultsThenUserFileThenEnvironmentThenCommandLine()
    {
        using var t = new TempFolder();
        string defaults = t.Write("d/appsettings.json", """{ "Display": { "Width": 8, "Height": 8, "Rotation": 0 }, "Source": { "FrameRate": 15 } }""");
        string user = t.Write("u/appsettings.json", """{ "Display": { "Width": 16, "Rotation": 90 } }""");
        var environment = new Dictionary<string, string?> { ["EDGEDEVICE_Display__Rotation"] = "180", ["Display__Width"] = "99", ["HOME"] = "/x" };
        var config = SettingsLoader.Build(new SettingsSources(defaults, user), [new("Source:FrameRate", "5")], environment);
        var display = SettingsLoader.Bind<DisplayOptions>(config, DisplayOptions.Section);
        var source = SettingsLoader.Bind<SourceOptions>(config, SourceOptions.Section);
        Assert.Equal(16, display.Width);
        Assert.Equal(8, display.Height);
        Assert.Equal(180, display.Rotation);
        Assert.Equal(5, source.FrameRate);
    }

    [Fact]
    public void AMalformedUserFileIsNamed()
    {
        using var t = new TempFolder();
        string user = t.Write("u/appsettings.json", """{ "Display": { "Width": 16, """);
        var ex = Assert.Throws<UserInputException>(() => SettingsLoader.Build(new SettingsSources(t.File("none.json"), user), [], []));
        Assert.Contains(user, ex.Message);
        Assert.Contains("not valid JSON", ex.Message);
    }

    [Fact]
    public void AValueOfTheWrongTypeNamesTheSetting()
    {
        using var t = new TempFolder();
        string user = t.Write("u/appsettings.json", """{ "Source": { "FrameRate": "fast" } }""");
        var config = SettingsLoader.Build(new SettingsSources(t.File("none.json"), user), [], []);
        var ex = Assert.Throws<UserInputException>(() => SettingsLoader.Bind<SourceOptions>(config, SourceOptions.Section));
        Assert.Contains("Source:FrameRate", ex.Message);
    }

    [Fact]
    public void AnUnknownSettingIsAnError()
    {
        using var t = new TempFolder();
        string user = t.Write("u/appsettings.json", """{ "Display": { "Widht": 16 } }""");
        var config = SettingsLoader.Build(new SettingsSources(t.File("none.json"), user), [], []);
        var ex = Assert.Throws<UserInputException>(() => SettingsLoader.Bind<DisplayOptions>(config, DisplayOptions.Section));
        Assert.Contains("Widht", ex.Message);
    }

    [Fact]
    public void OutOfRangeValuesAreNamed()
    {
        Assert.Contains(new SourceOptions { FrameRate = -1 }.Validate(), m => m.StartsWith("Source:FrameRate is -1"));
        Assert.Contains(new DisplayOptions { Width = 0 }.Validate(), m => m.StartsWith("Display:Width is 0"));
        Assert.Contains(new DisplayOptions { Rotation = 45 }.Validate(), m => m.StartsWith("Display:Rotation is 45"));
        Assert.Contains(new DisplayOptions { Brightness = 2 }.Validate(), m => m.StartsWith("Display:Brightness is 2"));
        Assert.Contains(new ButtonOptions { Pin = 99 }.Validate(), m => m.StartsWith("Button:Pin is 99"));
        Assert.Contains(new TrainingOptions { LearningRate = double.NaN }.Validate(), m => m.StartsWith("Training:LearningRate"));
        Assert.Empty(new SourceOptions().Validate());
        Assert.Empty(new DisplayOptions().Validate());
    }

    [Fact]
    public void TheShippedDefaultsAreValid()
    {
        string shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        Assert.True(File.Exists(shipped), "appsettings.json is copied beside the binary");
        var env = new CliEnvironment
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            Settings = new SettingsSources(shipped, "/nonexistent/appsettings.json"),
            EnvironmentVariables = () => [],
        };
        DeviceSettings settings = DeviceSettings.Load(env, []);
        Assert.Equal("auto", settings.Display.Kind);
        Assert.Equal(2000, settings.HardwareDisplay.MaxCurrentMilliamps);
        Assert.Equal(640, settings.Camera.CameraWidth);
        Assert.Equal("sobel", settings.Pipeline.Kernel);
    }
}
