using EdgeDevice.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;

namespace EdgeDevice.Rendering;

/// <summary>
/// Writing pictures safely: a folder is created and proven writable before a run, and every
/// file is written to a temporary name beside its target and then moved over it, so a
/// reader (or a crash) never sees half a file. Failures keep their exception type
/// (IOException or UnauthorizedAccessException) with a message that names the folder.
/// </summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="folder"/> if needed and checks a file can be written in it.</summary>
    /// <returns>The folder's full path.</returns>
    public static string Ensure(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        string probe = Path.Combine(full, $".edgedevice-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(full);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"Output folder {full} is not writable: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new IOException($"Output folder {full} cannot be created or written: {ex.Message}", ex);
        }

        return full;
    }

    /// <summary>Encodes <paramref name="image"/> into <paramref name="path"/> through <see cref="AtomicFile"/>.</summary>
    public static void SaveAtomically(Image image, string path, IImageEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(encoder);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        try
        {
            AtomicFile.Write(full, stream => image.Save(stream, encoder));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"Cannot write {full} in folder {folder}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new IOException($"Cannot write {full} in folder {folder}: {ex.Message}", ex);
        }
    }
}
