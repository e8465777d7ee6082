using EdgeDevice.Hardware.Board;
using EdgeDevice.Settings;

namespace EdgeDevice.Cli;

/// <summary>
/// Everything a verb reads from the outside world, gathered so tests can run the CLI
/// in-process with their own writers, environment and settings folders.
/// </summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>All environment variables, for the EDGEDEVICE_* settings layer.</summary>
    public Func<IEnumerable<KeyValuePair<string, string?>>> EnvironmentVariables { get; init; } = SettingsLoader.ProcessEnvironment;

    public SettingsSources? Settings { get; init; }

    /// <summary>True when stdout is an interactive terminal (terminal drawing, key input).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>True when stderr is an interactive terminal (progress bars).</summary>
    public bool ErrorIsTerminal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The board, buses and device nodes (tests give a fake folder tree).</summary>
    public Func<HardwareEnvironment> Hardware { get; init; } = HardwareEnvironment.ForThisMachine;

    public SettingsSources ResolveSettings() => Settings ?? SettingsSources.ForThisMachine(GetEnvironmentVariable);

    public static CliEnvironment ForConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
