using EdgeDevice.Cli;
using EdgeDevice.Settings;

namespace EdgeDevice.Tests.Support;

/// <summary>Runs the CLI in-process with captured output and a private settings folder and environment.</summary>
public sealed class CliRunner
{
    private readonly Dictionary<string, string?> _env = new();

    public CliRunner(TempFolder folder)
    {
        Folder = folder;
        _env["HOME"] = folder.Path;
    }

    public TempFolder Folder { get; }

    public string UserSettingsFile => Folder.File("etc/appsettings.json");

    public CliRunner WithEnvironment(string name, string? value)
    {
        _env[name] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            GetEnvironmentVariable = name => _env.TryGetValue(name, out string? v) ? v : null,
            EnvironmentVariables = () => _env,
            Settings = new SettingsSources(Folder.File("defaults/appsettings.json"), UserSettingsFile),
        };
        int code = await EdgeDeviceCli.InvokeAsync(args, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error);
