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
    TrainingOptions Training)
{
    /// <summary>Builds the layers, binds each section and throws one UserInputException listing every invalid setting.</summary>
    public static DeviceSettings Load(CliEnvironment env, IEnumerable<KeyValuePair<string, string?>> commandLine)
    {
        IConfiguration config = SettingsLoader.Build(env.ResolveSettings(), commandLine, env.EnvironmentVariables());
        var settings = new DeviceSettings(
            config,
            SettingsLoader.Bind<SourceOptions>(config, SourceOptions.Section),
            SettingsLoader.Bind<PipelineOptions>(config, PipelineOptions.SectionName),
            SettingsLoader.Bind<DisplayOptions>(config, DisplayOptions.Section),
            SettingsLoader.Bind<ButtonOptions>(config, ButtonOptions.Section),
            SettingsLoader.Bind<TrainingOptions>(config, TrainingOptions.Section));
        var errors = settings.Source.Validate()
            .Concat(settings.Pipeline.Validate())
            .Concat(settings.Display.Validate())
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
