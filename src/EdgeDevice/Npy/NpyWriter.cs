using System.Runtime.InteropServices;
using ConvCore.Fixed.Planes;
using EdgeDevice.Files;

namespace EdgeDevice.Npy;

/// <summary>
/// Writes 2-D planes as NumPy .npy v1.0 files (C order, shape (height, width)), readable by
/// numpy.load. Only the plane's width x height elements are written, never the row padding.
/// </summary>
/// <remarks>
/// The file is written through <see cref="AtomicFile"/> (temporary name, fsync, rename), so a
/// crash or a full disk never leaves a half-written .npy behind. Unlike the other writers it
/// does not create a missing folder: the CLI checks the folder up front, and a library caller
/// who names a folder that is not there gets the IOException.
/// </remarks>
public static class NpyWriter
{
    /// <summary>dtype '|u1': a luma plane.</summary>
    public static void Write(string path, ReadOnlyPlane<byte> plane) => WritePlane(path, plane);

    /// <summary>dtype '&lt;i2': a feature map.</summary>
    public static void Write(string path, ReadOnlyPlane<short> plane) => WritePlane(path, plane);

    /// <summary>dtype '&lt;i4': accumulators.</summary>
    public static void Write(string path, ReadOnlyPlane<int> plane) => WritePlane(path, plane);

    /// <param name="wrap">A test seam passed to <see cref="AtomicFile.Begin"/>: lets a test fail the write part-way.</param>
    internal static void WritePlane<T>(string path, ReadOnlyPlane<T> plane, Func<Stream, Stream>? wrap = null)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"Output path {path} is a folder; give a file name ending in .npy.", nameof(path));
        }

        byte[] header = NpyHeader.Encode(NpyElement.Descr<T>(), plane.Height, plane.Width);
        // A plane is a ref struct, so it cannot go into a delegate: write through Begin/Commit.
        using AtomicFileWriter file = AtomicFile.Begin(path, wrap, createFolder: false);
        file.Stream.Write(header);
        for (int y = 0; y < plane.Height; y++)
        {
            WriteRow(file.Stream, plane.Row(y));
        }

        file.Commit();
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
}
