using EdgeDevice.Tests.Support;
using System.Text;
using ConvCore.Fixed.Planes;
using EdgeDevice.Npy;
using EdgeDevice.Tests.Imaging.Support;

namespace EdgeDevice.Tests.Npy;

public sealed class NpyWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The NPY 1.0 header for a 2-D C-order array, written out from the format description:
    // magic "\x93NUMPY", version 1 0, HEADER_LEN as little-endian uint16, the dict, spaces,
    // and '\n', the whole a multiple of 64 bytes.
    private static byte[] SpecHeader(string dict, int totalLength)
    {
        int headerLength = totalLength - 10;
        int spaces = totalLength - 10 - dict.Length - 1;
        return [0x93, .. "NUMPY"u8, 0x01, 0x00, (byte)headerLength, (byte)(headerLength >> 8), .. Encoding.ASCII.GetBytes(dict + new string(' ', spaces) + "\n")];
    }

    [Fact]
    public void Byte_plane_header_is_exactly_the_spec()
    {
        string path = _folder.File("luma.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<byte>(new byte[] { 1, 2, 3, 4, 5, 6 }, 3, 2));

        // 10 + 60-character dict + '\n' = 71 -> padded to 128: 57 spaces, HEADER_LEN 118.
        byte[] expected = [.. SpecHeader("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }", 128), 1, 2, 3, 4, 5, 6];
        Assert.Equal(expected, File.ReadAllBytes(path));
        Assert.Equal(118, expected[8]);
    }

    [Fact]
    public void Short_plane_skips_row_padding_and_is_little_endian()
    {
        // 3 wide, stride 4: the 999s are padding and must not be written.
        short[] buffer = [1, -2, 300, 999, 4, 5, short.MinValue, 999];
        string path = _folder.File("feature.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<short>(buffer, 3, 2, 4));

        byte[] data = [0x01, 0x00, 0xFE, 0xFF, 0x2C, 0x01, 0x04, 0x00, 0x05, 0x00, 0x00, 0x80];
        byte[] expected = [.. SpecHeader("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 3), }", 128), .. data];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void Int_plane_header_and_data_follow_the_spec()
    {
        string path = _folder.File("acc.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<int>(new[] { -1, 0x01020304 }, 1, 2));

        byte[] expected =
        [
            .. SpecHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 1), }", 128),
            0xFF, 0xFF, 0xFF, 0xFF, 0x04, 0x03, 0x02, 0x01,
        ];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(240, 320)]
    [InlineData(1080, 1920)]
    [InlineData(99999, 3)]
    [InlineData(1, 1234567)]
    public void Header_is_padded_to_64_bytes_and_ends_in_a_newline(int height, int width)
    {
        string path = _folder.File("shape.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<byte>(new byte[height * width], width, height));

        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = bytes[8] | (bytes[9] << 8);
        int total = 10 + headerLength;
        Assert.Equal(0, total % 64);
        Assert.Equal((byte)'\n', bytes[total - 1]);
        Assert.Equal(total + (height * width), bytes.Length);
        string dict = Encoding.ASCII.GetString(bytes, 10, headerLength).TrimEnd('\n').TrimEnd(' ');
        Assert.Equal($"{{'descr': '|u1', 'fortran_order': False, 'shape': ({height}, {width}), }}", dict);
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_files()
    {
        string path = _folder.File("out.npy");
        File.WriteAllText(path, "old contents, longer than the new file will be ......................................................................................................................................................");

        NpyWriter.Write(path, new ReadOnlyPlane<byte>(new byte[] { 7 }, 1, 1));

        Assert.Equal(7, NpyReader.ReadBytes(path).Data[0]);
        Assert.Equal(["out.npy"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_nothing_behind()
    {
        string path = Path.Combine(_folder.Path, "missing-folder", "out.npy");

        Assert.ThrowsAny<IOException>(() => NpyWriter.Write(path, new ReadOnlyPlane<byte>(new byte[] { 7 }, 1, 1)));

        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void A_save_that_fails_part_way_leaves_the_previous_file_intact()
    {
        string path = _folder.File("out.npy");
        NpyWriter.Write(path, new ReadOnlyPlane<short>(new short[] { 1, 2, 3 }, 3, 1));
        byte[] before = File.ReadAllBytes(path);

        // Past the 128-byte header, into the data: a full disk in the middle of the rows.
        short[] bigger = new short[64 * 64];
        Assert.Throws<IOException>(() =>
            NpyWriter.WritePlane(path, new ReadOnlyPlane<short>(bigger, 64, 64), inner => new FailingStream(inner, failAfter: 200)));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["out.npy"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_as_the_target_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => NpyWriter.Write(_folder.Path, new ReadOnlyPlane<byte>(new byte[] { 7 }, 1, 1)));
        Assert.Equal("path", e.ParamName);
    }
}
