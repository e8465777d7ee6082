using System.Runtime.InteropServices;
using ConvCore.Fixed.Planes;

namespace EdgeDevice.Npy;

/// <summary>
/// Writes 2-D planes as NumPy .npy v1.0 files (C order, shape (height, width)), readable by
/// numpy.load. Only the plane's width x height elements are written, never the row padding.
/// </summary>
/// <remarks>
/// The file is written under a temporary name in the same folder and then moved over the
/// target, so a crash or a full disk never leaves a half-written .npy behind.
/// </remarks>
public static class NpyWriter
{
    /// <summary>dtype '|u1': a luma plane.</summary>
    public static void Write(string path, ReadOnlyPlane<byte> plane) => WritePlane(path, plane);

    /// <summary>dtype '&lt;i2': a feature map.</summary>
    public static void Write(string path, ReadOnlyPlane<short> plane) => WritePlane(path, plane);

    /// <summary>dtype '&lt;i4': accumulators.</summary>
    public static void Write(string path, ReadOnlyPlane<int> plane) => WritePlane(path, plane);

    private static void WritePlane<T>(string path, ReadOnlyPlane<T> plane)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"Output path {path} is a folder; give a file name ending in .npy.", nameof(path));
        }

        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        byte[] header = NpyHeader.Encode(NpyElement.Descr<T>(), plane.Height, plane.Width);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                stream.Write(header);
                for (int y = 0; y < plane.Height; y++)
                {
                    WriteRow(stream, plane.Row(y));
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void WriteRow<T>(Stream stream, ReadOnlySpan<T> row)
        where T : unmanaged
    {
        if (BitConverter.IsLittleEndian || typeof(T) == typeof(byte))
        {
            stream.Write(MemoryMarshal.AsBytes(row));
            return;
        }

        // Big-endian host: the data is declared little-endian, so reverse each element's bytes.
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(row);
        int size = bytes.Length / row.Length;
        byte[] swapped = bytes.ToArray();
        for (int i = 0; i < swapped.Length; i += size)
        {
            swapped.AsSpan(i, size).Reverse();
        }

        stream.Write(swapped);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a leftover temporary file.
        }
    }
}
