namespace EdgeDevice.Cli;

/// <summary>Checks before a run that an output folder can be created and written, so no work is lost at the end.</summary>
public static class OutputFolderCheck
{
    public static string EnsureWritable(string folder, string option)
    {
        string full = Path.GetFullPath(folder);
        try
        {
            if (File.Exists(full))
            {
                throw new UserInputException($"{option} {folder} is a file, not a folder.");
            }

            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".edgedevice-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{option} {folder} is not a writable folder: {ex.Message}", ex);
        }
    }
}
