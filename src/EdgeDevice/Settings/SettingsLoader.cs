using EdgeDevice.Cli;
using Microsoft.Extensions.Configuration;

namespace EdgeDevice.Settings;

/// <summary>
/// Builds the layered configuration of INTERFACE.md: release defaults &lt; the user's
/// /etc/edgedevice/appsettings.json &lt; EDGEDEVICE_* environment variables &lt; the command
/// line. A malformed file becomes one <see cref="UserInputException"/> naming the file.
/// </summary>
public static class SettingsLoader
{
    public const string EnvironmentPrefix = "EDGEDEVICE_";

    /// <param name="environment">The process environment (all variables; only EDGEDEVICE_* are used).</param>
    public static IConfigurationRoot Build(SettingsSources sources, IEnumerable<KeyValuePair<string, string?>> commandLine, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(sources.DefaultsFile, optional: true, reloadOnChange: false)
            .AddJsonFile(sources.UserFile, optional: true, reloadOnChange: false)
            .AddInMemoryCollection(FromEnvironment(environment ?? ProcessEnvironment()))
            .AddInMemoryCollection(LastWins(commandLine));
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            string file = File.Exists(sources.UserFile) && ex.Message.Contains(sources.UserFile, StringComparison.Ordinal)
                ? sources.UserFile
                : sources.DefaultsFile;
            string detail = ex.InnerException?.Message ?? ex.Message;
            throw new UserInputException($"Settings file {file} is not valid JSON: {detail}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserInputException($"Settings file {sources.UserFile} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// EDGEDEVICE_Display__Kind=max7219 becomes Display:Kind, as the standard environment
    /// provider does; taking the variables as a list lets tests pass their own.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IEnumerable<KeyValuePair<string, string?>> environment) =>
        LastWins(environment
            .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(e => new KeyValuePair<string, string?>(e.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), e.Value)));

    public static IEnumerable<KeyValuePair<string, string?>> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, (string?)e.Value));

    private static Dictionary<string, string?> LastWins(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var d = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            d[key] = value;
        }

        return d;
    }

    /// <summary>
    /// Binds one section into several option objects that share it (e.g. the Display section
    /// feeds the common and the hardware display options). A key no object knows is an error,
    /// as in <see cref="Bind{T}"/>.
    /// </summary>
    public static void BindShared(IConfiguration configuration, string section, params object[] targets)
    {
        var known = new HashSet<string>(
            targets.SelectMany(SettingsBinder.SettingNames),
            StringComparer.OrdinalIgnoreCase);
        foreach (IConfigurationSection child in configuration.GetSection(section).GetChildren())
        {
            if (!known.Contains(child.Key))
            {
                throw new UserInputException($"Setting error in section '{section}': '{section}:{child.Key}' is not a setting (known: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
            }
        }

        foreach (object target in targets)
        {
            try
            {
                SettingsBinder.Bind(configuration.GetSection(section), target, strict: false);
            }
            catch (InvalidOperationException ex)
            {
                throw new UserInputException($"Setting error in section '{section}': {ex.Message}", ex);
            }
        }
    }

    /// <summary>Binds one section, turning a value of the wrong type into a message that names the setting.</summary>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = new T();
        try
        {
            SettingsBinder.Bind(configuration.GetSection(section), options, strict: true);
        }
        catch (InvalidOperationException ex)
        {
            throw new UserInputException($"Setting error in section '{section}': {ex.Message}", ex);
        }

        return options;
    }
}
