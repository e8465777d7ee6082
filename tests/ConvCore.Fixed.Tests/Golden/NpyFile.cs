using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace ConvCore.Fixed.Tests.Golden;

/// <summary>
/// A minimal reader for NumPy .npy files (format versions 1.0 to 3.0), for the tests only:
/// C-order arrays of little-endian integers or bytes. Anything else is refused, so a
/// regenerated file in an unexpected layout fails loudly instead of comparing garbage.
/// </summary>
internal sealed partial record NpyFile(string Descr, int[] Shape, byte[] Data)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyFile Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a .npy file (no \\x93NUMPY magic).");
        }

        int major = bytes[6];
        int headerLength, headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8, 4)));
            headerStart = 12;
        }
        else
        {
            throw new InvalidDataException($"{path}: unsupported .npy version {major}.");
        }

        string header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);
        string descr = HeaderField(DescrPattern(), header, path, "descr");
        if (HeaderField(FortranPattern(), header, path, "fortran_order") != "False")
        {
            throw new InvalidDataException($"{path}: Fortran-order arrays are not supported.");
        }

        int[] shape = HeaderField(ShapePattern(), header, path, "shape")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse)
            .ToArray();
        byte[] data = bytes[(headerStart + headerLength)..];
        long expected = shape.Aggregate(1L, (n, d) => n * d) * ElementSize(descr, path);
        if (data.Length != expected)
        {
            throw new InvalidDataException($"{path}: {data.Length} data bytes for shape ({string.Join(", ", shape)}) of {descr}, expected {expected}.");
        }

        return new NpyFile(descr, shape, data);
    }

    public byte[] AsBytes() => Descr is "|u1" or "<u1" ? Data : throw Wrong("|u1");

    public short[] AsInt16()
    {
        if (Descr != "<i2")
        {
            throw Wrong("<i2");
        }

        var values = new short[Data.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt16LittleEndian(Data.AsSpan(2 * i, 2));
        }

        return values;
    }

    private InvalidDataException Wrong(string wanted) => new($"The array holds {Descr}, not {wanted}.");

    private static int ElementSize(string descr, string path) => descr switch
    {
        "|u1" or "<u1" or "|i1" => 1,
        "<i2" or "<u2" => 2,
        "<i4" or "<u4" => 4,
        "<i8" or "<u8" => 8,
        _ => throw new InvalidDataException($"{path}: dtype {descr} is not supported by this reader."),
    };

    private static string HeaderField(Regex pattern, string header, string path, string name)
    {
        Match m = pattern.Match(header);
        return m.Success ? m.Groups[1].Value : throw new InvalidDataException($"{path}: the header has no '{name}'.");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
