using EdgeDevice.Tests.Support;
using System.Text;
using ConvCore.Fixed.Planes;
using EdgeDevice.Npy;
using EdgeDevice.Tests.Imaging.Support;

namespace EdgeDevice.Tests.Npy;

public sealed class NpyReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Builds a .npy file by hand from the format description, so the reader is tested against
    // files this project's writer did not make.
    private string Handmade(string name, string dict, byte[] data, byte major = 1)
    {
        int prefix = major == 1 ? 10 : 12;
        int unpadded = prefix + dict.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        int headerLength = total - prefix;
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add(major);
        bytes.Add(0);
        bytes.Add((byte)headerLength);
        bytes.Add((byte)(headerLength >> 8));
        if (major != 1)
        {
            bytes.Add(0);
            bytes.Add(0);
        }

        bytes.AddRange(Encoding.ASCII.GetBytes(dict + new string(' ', total - unpadded) + "\n"));
        bytes.AddRange(data);
        return _folder.Write(name, [.. bytes]);
    }

    private NpyFormatException Refused(Action read, string path, string mustContain)
    {
        var e = Assert.Throws<NpyFormatException>(read);
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(mustContain, StringComparison.Ordinal), $"'{mustContain}' missing from: {e.Message}");
        return e;
    }

    [Fact]
    public void Round_trips_each_dtype_through_a_strided_plane()
    {
        var random = new Random(42);
        const int width = 37;
        const int height = 11;
        const int stride = 40;

        var bytes = new byte[stride * height];
        var shorts = new short[stride * height];
        var ints = new int[stride * height];
        random.NextBytes(bytes);
        for (int i = 0; i < shorts.Length; i++)
        {
            shorts[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
            ints[i] = random.Next(int.MinValue, int.MaxValue);
        }

        shorts[0] = short.MinValue;
        shorts[1] = short.MaxValue;
        ints[0] = int.MinValue;
        ints[1] = int.MaxValue;

        NpyWriter.Write(_folder.File("u1.npy"), new ReadOnlyPlane<byte>(bytes, width, height, stride));
        NpyWriter.Write(_folder.File("i2.npy"), new ReadOnlyPlane<short>(shorts, width, height, stride));
        NpyWriter.Write(_folder.File("i4.npy"), new ReadOnlyPlane<int>(ints, width, height, stride));

        AssertSame(new ReadOnlyPlane<byte>(bytes, width, height, stride), NpyReader.ReadBytes(_folder.File("u1.npy")));
        AssertSame(new ReadOnlyPlane<short>(shorts, width, height, stride), NpyReader.ReadInt16(_folder.File("i2.npy")));
        AssertSame(new ReadOnlyPlane<int>(ints, width, height, stride), NpyReader.ReadInt32(_folder.File("i4.npy")));
    }

    [Fact]
    public void Reads_a_handmade_file_with_keys_in_another_order_and_double_quotes()
    {
        string path = Handmade("other.npy", "{\"shape\": (2, 2), \"fortran_order\": False, \"descr\": \"<i2\"}", [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F]);

        NpyArray<short> array = NpyReader.ReadInt16(path);

        Assert.Equal((2, 2), (array.Height, array.Width));
        Assert.Equal([1, -1, short.MinValue, short.MaxValue], array.Data);
    }

    [Fact]
    public void Reads_version_2_headers()
    {
        string path = Handmade("v2.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 3), }", [9, 8, 7], major: 2);

        Assert.Equal([9, 8, 7], NpyReader.ReadBytes(path).Data);
    }

    [Fact]
    public void ReadHeader_reports_any_dtype()
    {
        string path = Handmade("float.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]);

        NpyHeader header = NpyReader.ReadHeader(path);

        Assert.Equal("<f8", header.Descr);
        Assert.False(header.FortranOrder);
        Assert.Equal([1L, 1L], header.Shape);
        Assert.Equal(128, header.DataOffset); // 10 + 60-character dict + newline, padded to 64s
    }

    [Fact]
    public void Bad_magic_is_refused()
    {
        string path = _folder.Write("plain.npy", Encoding.ASCII.GetBytes("just some text, not numpy"));
        Refused(() => NpyReader.ReadBytes(path), path, "not a .npy file");
    }

    [Fact]
    public void Fortran_order_is_refused()
    {
        string path = Handmade("fortran.npy", "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2), }", [1, 2, 3, 4]);
        Refused(() => NpyReader.ReadBytes(path), path, "Fortran");
    }

    [Fact]
    public void Wrong_dtype_is_refused_naming_both()
    {
        string path = _folder.File("short.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<short>(new short[] { 1, 2 }, 2, 1));

        var e = Refused(() => NpyReader.ReadBytes(path), path, "'<i2'");
        Assert.Contains("'|u1'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(6,)", "1 dimensions")]
    [InlineData("(1, 2, 3)", "3 dimensions")]
    [InlineData("()", "0 dimensions")]
    [InlineData("(0, 6)", "at least 1")]
    public void Wrong_dimensions_are_refused(string shape, string mustContain)
    {
        string path = Handmade("dims.npy", $"{{'descr': '|u1', 'fortran_order': False, 'shape': {shape}, }}", [1, 2, 3, 4, 5, 6]);
        Refused(() => NpyReader.ReadBytes(path), path, mustContain);
    }

    [Fact]
    public void Truncated_data_is_refused()
    {
        string path = _folder.File("cut.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<short>(new short[12], 4, 3));
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^3]);

        Refused(() => NpyReader.ReadInt16(path), path, "truncated");
    }

    [Fact]
    public void Truncated_header_is_refused()
    {
        string path = _folder.File("cut-header.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<byte>(new byte[4], 2, 2));
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);

        Refused(() => NpyReader.ReadBytes(path), path, "truncated inside its header");
    }

    [Fact]
    public void Extra_data_is_refused()
    {
        string path = Handmade("extra.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 2), }", [1, 2, 3]);
        Refused(() => NpyReader.ReadBytes(path), path, "1 bytes more");
    }

    [Fact]
    public void Unknown_version_and_broken_header_are_refused()
    {
        string version9 = Handmade("v9.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1), }", [1], major: 9);
        string broken = Handmade("broken.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1) ", [1]);
        string noShape = Handmade("noshape.npy", "{'descr': '|u1', 'fortran_order': False}", [1]);

        Refused(() => NpyReader.ReadBytes(version9), version9, "version 9.0");
        Refused(() => NpyReader.ReadBytes(broken), broken, "unreadable header");
        Refused(() => NpyReader.ReadBytes(noShape), noShape, "'shape'");
    }

    [Fact]
    public void Missing_file_and_folder_are_refused()
    {
        string missing = _folder.File("none.npy");
        Refused(() => NpyReader.ReadBytes(missing), missing, "does not exist");
        Refused(() => NpyReader.ReadBytes(_folder.Path), _folder.Path, "is a folder");
    }

    private static void AssertSame<T>(ReadOnlyPlane<T> expected, NpyArray<T> actual)
        where T : unmanaged, IEquatable<T>
    {
        Assert.Equal((expected.Height, expected.Width), (actual.Height, actual.Width));
        ReadOnlyPlane<T> plane = actual.AsPlane();
        for (int y = 0; y < expected.Height; y++)
        {
            Assert.True(expected.Row(y).SequenceEqual(plane.Row(y)), $"row {y} differs");
        }
    }
}
