using EdgeDevice.Rendering;

namespace EdgeDevice.Cli;

/// <summary>Checks before a run that an output folder can be created and written, so no work is lost at the end.</summary>
public static class OutputFolderCheck
{
    /// <summary>
    /// <see cref="OutputFolder.Ensure"/> with its failures turned into one user-facing sentence
    /// that names the option the folder came from.
    /// </summary>
    public static string EnsureWritable(string folder, string option)
    {
        if (File.Exists(Path.GetFullPath(folder)))
        {
            throw new UserInputException($"{option} {folder} is a file, not a folder.");
        }

        try
        {
            return OutputFolder.Ensure(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Ensure's own message names the folder again; the operating system's reason is what adds to ours.
            string reason = ex.InnerException?.Message ?? ex.Message;
            throw new UserInputException($"{option} {folder} is not a writable folder: {reason}", ex);
        }
    }
}
