namespace EdgeDevice.Hardware.Cameras;

/// <summary>Finds a program on PATH the way a shell would (first executable file wins).</summary>
public static class ExecutableSearch
{
    public static string? Find(string name, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/'))
        {
            return IsExecutable(name) ? name : null;
        }

        path ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>rpicam-vid, or libcamera-vid on images from before the 2023 rename.</summary>
    public static string? FindPiCameraApp(string? path = null) => Find("rpicam-vid", path) ?? Find("libcamera-vid", path);

    private static bool IsExecutable(string file)
    {
        try
        {
            return File.Exists(file) && (OperatingSystem.IsWindows()
                || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
