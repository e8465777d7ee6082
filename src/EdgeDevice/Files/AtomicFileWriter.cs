namespace EdgeDevice.Files;

/// <summary>
/// One save in progress (see <see cref="AtomicFile.Begin"/>): a hidden temp file beside the
/// target. <see cref="Commit"/> makes it the target; <see cref="Dispose"/> before that deletes it.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    // Large enough that a row-by-row writer (NpyWriter) makes few system calls.
    private const int BufferSize = 64 * 1024;

    private readonly string _target;
    private readonly string _temp;
    private readonly FileStream _file;
    private bool _done;

    internal AtomicFileWriter(string target, string temp, Func<Stream, Stream>? wrap)
    {
        _target = target;
        _temp = temp;
        _file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
        try
        {
            Stream = wrap?.Invoke(_file) ?? _file;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Where the new content goes.</summary>
    public Stream Stream { get; }

    /// <summary>Flushes the content to disk and renames the temp file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        Stream.Flush();
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        File.Move(_temp, _target, overwrite: true);
        _done = true;
    }

    /// <summary>Discards the temp file unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _file.Dispose();
        try
        {
            File.Delete(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp name is unique and hidden, and the caller's error matters more.
        }
    }
}
