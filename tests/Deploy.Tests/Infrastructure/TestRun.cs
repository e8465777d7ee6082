namespace Deploy.Tests.Infrastructure;

/// <summary>
/// One scratch folder per test run under /tmp (the publish output, devices, keys), removed
/// when the test process ends. Test folders are named so several runs can coexist.
/// </summary>
public static class TestRun
{
    private static int _counter;

    public static string Folder { get; } = Create();

    /// <summary>A new empty folder inside the run's folder.</summary>
    public static string NewFolder(string prefix)
    {
        string path = Path.Combine(Folder, $"{prefix}-{Interlocked.Increment(ref _counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Create()
    {
        string path = Path.Combine(Path.GetTempPath(), $"edgedevice-deploy-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
        return path;
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
