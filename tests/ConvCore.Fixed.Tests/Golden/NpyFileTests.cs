using System.Text;

namespace ConvCore.Fixed.Tests.Golden;

/// <summary>The test-only .npy reader on hand-built files, so a reader bug cannot hide a core bug.</summary>
public sealed class NpyFileTests : IDisposable
{
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (string f in _files)
        {
            File.Delete(f);
        }
    }

    [Fact]
    public void ReadsAVersion1Int16Array()
    {
        string path = Write("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 3), }", [1, 0, 255, 255, 0, 128, 3, 0, 4, 0, 5, 0]);

        NpyFile f = NpyFile.Read(path);

        Assert.Equal([2, 3], f.Shape);
        Assert.Equal([1, -1, -32768, 3, 4, 5], f.AsInt16());
    }

    [Fact]
    public void RefusesFortranOrderAndWrongTypes()
    {
        string fortran = Write("{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2), }", [1, 2, 3, 4]);
        string bytes = Write("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }", [1, 2, 3, 4]);
        string shortData = Write("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }", [1, 2, 3]);

        Assert.Throws<InvalidDataException>(() => NpyFile.Read(fortran));
        Assert.Throws<InvalidDataException>(() => NpyFile.Read(bytes).AsInt16());
        Assert.Throws<InvalidDataException>(() => NpyFile.Read(shortData));
        Assert.Equal([1, 2, 3, 4], NpyFile.Read(bytes).AsBytes());
    }

    private string Write(string header, byte[] data)
    {
        // pad the header with spaces and a newline so the data starts on a 64-byte boundary, as NumPy does
        int total = 10 + header.Length + 1;
        string padded = header + new string(' ', (64 - (total % 64)) % 64) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)(padded.Length & 0xFF), (byte)(padded.Length >> 8)]);
        bytes.AddRange(Encoding.ASCII.GetBytes(padded));
        bytes.AddRange(data);
        string path = Path.Combine(Path.GetTempPath(), $"npy-test-{Guid.NewGuid():N}.npy");
        File.WriteAllBytes(path, bytes.ToArray());
        _files.Add(path);
        return path;
    }
}
