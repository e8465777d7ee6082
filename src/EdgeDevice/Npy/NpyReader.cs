using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgeDevice.Npy;

/// <summary>
/// Reads 2-D .npy files of dtype '|u1', '&lt;i2' or '&lt;i4' in C order (format versions 1.0,
/// 2.0 and 3.0). Anything else is refused with a <see cref="NpyFormatException"/> naming the
/// file: wrong magic, Fortran order, another dtype, another number of dimensions, data that
/// is shorter or longer than the shape says.
/// </summary>
public static class NpyReader
{
    private const int MaxHeaderLength = 64 * 1024;

    public static NpyArray<byte> ReadBytes(string path) => Read<byte>(path);

    public static NpyArray<short> ReadInt16(string path) => Read<short>(path);

    public static NpyArray<int> ReadInt32(string path) => Read<int>(path);

    /// <summary>Reads a 2-D array whose dtype must be that of <typeparamref name="T"/> (byte, short or int).</summary>
    public static NpyArray<T> Read<T>(string path)
        where T : unmanaged
    {
        string expected = NpyElement.Descr<T>();
        using FileStream stream = Open(path);
        NpyHeader header = ReadHeader(path, stream);
        if (!NpyElement.Matches(header.Descr, expected))
        {
            throw new NpyFormatException(path, $"{path} holds dtype '{header.Descr}' but '{expected}' ({typeof(T).Name}) is needed.");
        }

        if (header.FortranOrder)
        {
            throw new NpyFormatException(path, $"{path} is stored in Fortran (column-major) order; save it in C order (numpy.ascontiguousarray).");
        }

        if (header.Shape.Count != 2)
        {
            throw new NpyFormatException(path, $"{path} has {header.Shape.Count} dimensions, shape ({string.Join(", ", header.Shape)}); a 2-D array (height, width) is needed.");
        }

        long height = header.Shape[0];
        long width = header.Shape[1];
        if (height < 1 || width < 1)
        {
            throw new NpyFormatException(path, $"{path} has shape ({height}, {width}); both dimensions must be at least 1.");
        }

        int elementSize = Marshal.SizeOf<T>();
        long count = height * width;
        if (height > int.MaxValue || width > int.MaxValue || count > Array.MaxLength / elementSize)
        {
            throw new NpyFormatException(path, $"{path} has shape ({height}, {width}), too large to load.");
        }

        long expectedBytes = count * elementSize;
        long actualBytes = stream.Length - header.DataOffset;
        if (actualBytes < expectedBytes)
        {
            throw new NpyFormatException(path, $"{path} is truncated: shape ({height}, {width}) needs {expectedBytes} data bytes but the file holds {actualBytes}.");
        }

        if (actualBytes > expectedBytes)
        {
            throw new NpyFormatException(path, $"{path} holds {actualBytes - expectedBytes} bytes more than shape ({height}, {width}) needs.");
        }

        var data = new T[count];
        stream.Position = header.DataOffset;
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        if (!BitConverter.IsLittleEndian && elementSize > 1)
        {
            Span<byte> bytes = MemoryMarshal.AsBytes(data.AsSpan());
            for (int i = 0; i < bytes.Length; i += elementSize)
            {
                bytes.Slice(i, elementSize).Reverse();
            }
        }

        return new NpyArray<T>((int)height, (int)width, data);
    }

    /// <summary>The header alone: for messages ("holds dtype '&lt;f8'") and for choosing how to read.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using FileStream stream = Open(path);
        return ReadHeader(path, stream);
    }

    private static FileStream Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new NpyFormatException(path, $"{path} is a folder, not a .npy file.");
        }

        if (!File.Exists(path))
        {
            throw new NpyFormatException(path, $"{path} does not exist.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NpyFormatException(path, $"{path} could not be opened ({e.Message.TrimEnd('.')}).", e);
        }
    }

    private static NpyHeader ReadHeader(string path, FileStream stream)
    {
        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix[..10], 10, throwOnEndOfStream: false);
        if (got < 10 || !prefix[..6].SequenceEqual(NpyHeader.Magic))
        {
            throw new NpyFormatException(path, $"{path} is not a .npy file (it does not start with \\x93NUMPY).");
        }

        byte major = prefix[6];
        long headerLength;
        int prefixLength;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
            prefixLength = 10;
        }
        else if (major is 2 or 3)
        {
            if (stream.ReadAtLeast(prefix[10..12], 2, throwOnEndOfStream: false) < 2)
            {
                throw new NpyFormatException(path, $"{path} is truncated inside its header.");
            }

            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
            prefixLength = 12;
        }
        else
        {
            throw new NpyFormatException(path, $"{path} is .npy format version {major}.{prefix[7]}, which this reader does not know (1.0 to 3.0).");
        }

        if (headerLength > MaxHeaderLength)
        {
            throw new NpyFormatException(path, $"{path} declares a {headerLength}-byte header, more than the {MaxHeaderLength} allowed.");
        }

        var text = new byte[headerLength];
        if (stream.ReadAtLeast(text, text.Length, throwOnEndOfStream: false) < text.Length)
        {
            throw new NpyFormatException(path, $"{path} is truncated inside its header.");
        }

        Encoding encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        Dictionary<string, object> dictionary;
        try
        {
            dictionary = new PythonLiteralParser(encoding.GetString(text)).ParseDictionary();
        }
        catch (FormatException e)
        {
            throw new NpyFormatException(path, $"{path} has an unreadable header ({e.Message}).", e);
        }

        if (!dictionary.TryGetValue("descr", out object? descr) || descr is not string descrText)
        {
            throw new NpyFormatException(path, $"{path} has no 'descr' string in its header.");
        }

        if (!dictionary.TryGetValue("fortran_order", out object? order) || order is not bool fortranOrder)
        {
            throw new NpyFormatException(path, $"{path} has no 'fortran_order' True/False in its header.");
        }

        if (!dictionary.TryGetValue("shape", out object? shape) || shape is not long[] dimensions)
        {
            throw new NpyFormatException(path, $"{path} has no 'shape' tuple in its header.");
        }

        return new NpyHeader(descrText, fortranOrder, dimensions, checked((int)(prefixLength + headerLength)));
    }
}
