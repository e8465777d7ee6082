namespace EdgeDevice.Settings;

/// <summary>
/// Where the settings layers live. Release defaults sit beside the binary and are replaced
/// by each deploy; the user's file in /etc/edgedevice is never overwritten.
/// EDGEDEVICE_SETTINGS_DIR moves the user's folder (tests, and desktops without /etc access).
/// </summary>
public sealed record SettingsSources(string DefaultsFile, string UserFile)
{
    public const string UserDirectoryVariable = "EDGEDEVICE_SETTINGS_DIR";

    public static SettingsSources ForThisMachine(Func<string, string?>? getEnv = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;
        string userDir = getEnv(UserDirectoryVariable) is { Length: > 0 } d ? d : "/etc/edgedevice";
        return new SettingsSources(
            Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Path.Combine(userDir, "appsettings.json"));
    }
}
