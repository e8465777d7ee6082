namespace EdgeDevice.Files;

/// <summary>
/// Writes a file so readers see either the old content or the complete new content: write a
/// temp file in the same folder, flush it to disk (fsync), then rename it over the target.
/// A failure part-way deletes the temp file and leaves the target untouched. Kernel files,
/// loss curves, .npy planes and PNG/GIF pictures all go through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with whatever <paramref name="write"/> puts in the stream.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Fills the stream; an exception from it aborts the save.</param>
    /// <param name="wrap">A test seam: wraps the file stream, so a test can fail the write part-way.</param>
    /// <param name="createFolder">False when a missing folder should fail the save instead of being created.</param>
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? wrap = null, bool createFolder = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        using AtomicFileWriter writer = Begin(path, wrap, createFolder);
        write(writer.Stream);
        writer.Commit();
    }

    /// <summary>
    /// Opens the temp file for a caller that cannot hand over a delegate (it writes from a
    /// ref struct such as a plane). Write to <see cref="AtomicFileWriter.Stream"/>, then call
    /// <see cref="AtomicFileWriter.Commit"/>; disposing without committing discards the write.
    /// </summary>
    public static AtomicFileWriter Begin(string path, Func<Stream, Stream>? wrap = null, bool createFolder = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (createFolder)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        return new AtomicFileWriter(full, temp, wrap);
    }
}
