namespace EdgeDevice.Npy;

/// <summary>The header of a .npy file: element type, memory order, shape, and where the data starts.</summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape, int DataOffset)
{
    /// <summary>"\x93NUMPY": the first six bytes of every .npy file.</summary>
    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The header dictionary NumPy writes, padded with spaces to a 64-byte boundary and ended by '\n'.</summary>
    internal static byte[] Encode(string descr, int height, int width)
    {
        string dictionary = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({height}, {width}), }}";

        // magic (6) + version (2) + header length (2) + dictionary + padding + '\n'
        int unpadded = 10 + dictionary.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        int headerLength = total - 10;
        var bytes = new byte[total];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)headerLength;
        bytes[9] = (byte)(headerLength >> 8);
        int end = 10 + System.Text.Encoding.ASCII.GetBytes(dictionary, bytes.AsSpan(10));
        bytes.AsSpan(end, total - 1 - end).Fill((byte)' ');
        bytes[total - 1] = (byte)'\n';
        return bytes;
    }
}
