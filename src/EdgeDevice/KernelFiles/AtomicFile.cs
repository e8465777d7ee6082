namespace EdgeDevice.KernelFiles;

/// <summary>
/// Writes a file so readers see either the old content or the complete new content: write a
/// temp file in the same folder, flush it to disk (fsync), then rename it over the target.
/// A failure part-way deletes the temp file and leaves the target untouched.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? wrap = null)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // The wrapper is a test seam: it lets a test fail the write part-way.
                Stream target = wrap?.Invoke(file) ?? file;
                write(target);
                target.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temp name is unique and hidden; a leftover harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
