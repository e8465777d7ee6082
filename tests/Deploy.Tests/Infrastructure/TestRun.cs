namespace Deploy.Tests.Infrastructure;

/// <summary>
/// One scratch folder per test run under /tmp (the publish output, devices, keys). It is
/// removed when the test framework is disposed at the end of the run (see
/// <see cref="CleaningTestFramework"/>); folders of earlier runs whose process is gone (a
/// killed run) are removed when the next run starts. Several runs can coexist.
/// </summary>
public static class TestRun
{
    private const string NamePrefix = "edgedevice-deploy-tests-";

    private static int _counter;

    public static string Folder { get; } = Create();

    /// <summary>A new empty folder inside the run's folder.</summary>
    public static string NewFolder(string prefix)
    {
        string path = Path.Combine(Folder, $"{prefix}-{Interlocked.Increment(ref _counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>True once <see cref="Folder"/> has been created in this process.</summary>
    public static bool Created { get; private set; }

    private static string Create()
    {
        RemoveFoldersOfEndedRuns();
        string path = Path.Combine(Path.GetTempPath(), $"{NamePrefix}{Environment.ProcessId}");
        Directory.CreateDirectory(path);
        Created = true;
        return path;
    }

    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (string folder in Directory.GetDirectories(Path.GetTempPath(), NamePrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[NamePrefix.Length..], out int pid) && !Directory.Exists($"/proc/{pid}"))
            {
                TryDelete(folder);
            }
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a folder still in use is left for the OS's tmp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
