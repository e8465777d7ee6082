using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Pipeline;
using EdgeDevice.Settings;
using Microsoft.Extensions.Configuration;

namespace EdgeDevice.Cli;

/// <summary>All settings sections, bound and validated once at start-up.</summary>
public sealed record DeviceSettings(
    IConfiguration Configuration,
    SourceOptions Source,
    PipelineOptions Pipeline,
    DisplayOptions Display,
    ButtonOptions Button,
    TrainingOptions Training,
    HardwareDisplayOptions HardwareDisplay,
    HardwareCameraOptions Camera)
{
    /// <summary>Builds the layers, binds each section and throws one UserInputException listing every invalid setting.</summary>
    public static DeviceSettings Load(CliEnvironment env, IEnumerable<KeyValuePair<string, string?>> commandLine)
    {
        IConfiguration config = SettingsLoader.Build(env.ResolveSettings(), commandLine, env.EnvironmentVariables());
        var source = new SourceOptions();
        var camera = new HardwareCameraOptions();
        SettingsLoader.BindShared(config, SourceOptions.Section, source, camera);
        var display = new DisplayOptions();
        var hardwareDisplay = new HardwareDisplayOptions();
        SettingsLoader.BindShared(config, DisplayOptions.Section, display, hardwareDisplay);
        var settings = new DeviceSettings(
            config,
            source,
            SettingsLoader.Bind<PipelineOptions>(config, PipelineOptions.SectionName),
            display,
            SettingsLoader.Bind<ButtonOptions>(config, ButtonOptions.Section),
            SettingsLoader.Bind<TrainingOptions>(config, TrainingOptions.Section),
            hardwareDisplay,
            camera);
        var errors = settings.Source.Validate()
            .Concat(settings.Camera.Validate())
            .Concat(settings.Pipeline.Validate())
            .Concat(settings.Display.Validate())
            .Concat(settings.HardwareDisplay.Validate(settings.Display))
            .Concat(settings.Button.Validate())
            .Concat(settings.Training.Validate())
            .ToList();
        if (errors.Count > 0)
        {
            throw new UserInputException(string.Join(" ", errors));
        }

        return settings;
    }
}
