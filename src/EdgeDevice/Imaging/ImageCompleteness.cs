using System.Buffers.Binary;

namespace EdgeDevice.Imaging;

/// <summary>
/// Checks that an image file is whole before it is decoded. ImageSharp 2.1 decodes a PNG
/// cut inside its data, a JPEG cut inside its scan, a short BMP or GIF without complaint and
/// fills the missing part with black; for an edge detector that is a fake edge, so a file
/// that ends early is refused instead. Each check walks only the block structure.
/// </summary>
internal static class ImageCompleteness
{
    /// <summary>Null when the file is whole, else the reason (a sentence fragment).</summary>
    public static string? FindProblem(string formatName, Stream stream) => formatName switch
    {
        "PNG" => CheckPng(new ForwardReader(stream)),
        "JPEG" => CheckJpeg(new ForwardReader(stream)),
        "GIF" => CheckGif(new ForwardReader(stream)),
        "BMP" => CheckBmp(stream),
        _ => null,
    };

    // A PNG is a signature and chunks (length, type, data, CRC); it is whole when the IEND
    // chunk is reached with every chunk before it present in full.
    private static string? CheckPng(ForwardReader reader)
    {
        if (!reader.Skip(8))
        {
            return "it ends inside its signature";
        }

        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            if (!reader.ReadExactly(chunkHeader))
            {
                return "it ends before its IEND chunk";
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(chunkHeader);
            if (length > int.MaxValue)
            {
                return $"a chunk declares an impossible length of {length} bytes";
            }

            if (!reader.Skip(length + 4L))
            {
                return "it ends inside a chunk";
            }

            if (chunkHeader[4..].SequenceEqual("IEND"u8))
            {
                return null;
            }
        }
    }

    // A JPEG is marker segments; after each start-of-scan comes entropy-coded data in which
    // 0xFF is always followed by 0x00 (stuffing) or a restart marker. It is whole when the
    // end-of-image marker arrives. Segments are skipped by length, so the end marker of an
    // EXIF thumbnail inside APP1 does not count.
    private static string? CheckJpeg(ForwardReader reader)
    {
        if (!reader.Skip(2))
        {
            return "it ends inside its start marker";
        }

        bool inScan = false;
        while (true)
        {
            if (!reader.SkipPast(0xFF))
            {
                return inScan ? "it ends inside its image data" : "it ends before its image data";
            }

            int marker;
            do
            {
                marker = reader.ReadByte();
            }
            while (marker == 0xFF);

            if (marker < 0)
            {
                return "it ends inside a marker";
            }

            if (marker == 0xD9)
            {
                return null;
            }

            bool standalone = marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
            if (standalone)
            {
                continue;
            }

            int length = reader.ReadUInt16BigEndian();
            if (length < 0)
            {
                return "it ends inside a segment header";
            }

            if (length < 2)
            {
                return $"segment 0xFF{marker:X2} declares an impossible length of {length}";
            }

            if (!reader.Skip(length - 2))
            {
                return "it ends inside a segment";
            }

            if (marker == 0xDA)
            {
                inScan = true;
            }
        }
    }

    // A GIF is a header, a logical screen descriptor, an optional colour table, then blocks.
    // Only the first frame is decoded, so the file is whole enough when the first image's
    // data sub-blocks end with their terminator.
    private static string? CheckGif(ForwardReader reader)
    {
        Span<byte> screen = stackalloc byte[13];
        if (!reader.ReadExactly(screen))
        {
            return "it ends inside its header";
        }

        if (!SkipColourTable(reader, screen[10]))
        {
            return "it ends inside its colour table";
        }

        Span<byte> descriptor = stackalloc byte[9];
        while (true)
        {
            int introducer = reader.ReadByte();
            switch (introducer)
            {
                case < 0:
                    return "it ends before its first image";
                case 0x21:
                    if (reader.ReadByte() < 0 || !SkipSubBlocks(reader))
                    {
                        return "it ends inside an extension block";
                    }

                    break;
                case 0x2C:
                    if (!reader.ReadExactly(descriptor) || !SkipColourTable(reader, descriptor[8]) || reader.ReadByte() < 0)
                    {
                        return "it ends inside its first image descriptor";
                    }

                    return SkipSubBlocks(reader) ? null : "it ends inside its first image's data";
                case 0x3B:
                    return "it holds no image";
                default:
                    return $"it has an unknown block 0x{introducer:X2} before its first image";
            }
        }
    }

    private static bool SkipColourTable(ForwardReader reader, byte packedFields) =>
        (packedFields & 0x80) == 0 || reader.Skip(3L << ((packedFields & 0x07) + 1));

    private static bool SkipSubBlocks(ForwardReader reader)
    {
        while (true)
        {
            int size = reader.ReadByte();
            if (size < 0)
            {
                return false;
            }

            if (size == 0)
            {
                return true;
            }

            if (!reader.Skip(size))
            {
                return false;
            }
        }
    }

    // A BMP states where its pixels start; uncompressed pixel rows have a size that follows
    // from the header, so a short file is easy to spot. Compressed (RLE) bitmaps are only
    // held to their declared file size.
    private static string? CheckBmp(Stream stream)
    {
        Span<byte> header = stackalloc byte[30];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return "it ends inside its header";
        }

        long fileLength = stream.Length;
        uint declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(header[2..]);
        long pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[10..]);
        uint infoSize = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);

        long width;
        long height;
        int bitsPerPixel;
        uint compression = 0;
        if (infoSize == 12)
        {
            width = BinaryPrimitives.ReadInt16LittleEndian(header[18..]);
            height = BinaryPrimitives.ReadInt16LittleEndian(header[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[24..]);
        }
        else if (infoSize >= 40)
        {
            Span<byte> rest = stackalloc byte[4];
            if (stream.ReadAtLeast(rest, rest.Length, throwOnEndOfStream: false) < rest.Length)
            {
                return "it ends inside its header";
            }

            width = BinaryPrimitives.ReadInt32LittleEndian(header[18..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(header[22..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        }
        else
        {
            return declaredSize > fileLength ? $"it is {fileLength} bytes long but declares {declaredSize}" : null;
        }

        bool uncompressed = compression is 0 or 3 or 6;
        if (!uncompressed)
        {
            return declaredSize > fileLength ? $"it is {fileLength} bytes long but declares {declaredSize}" : null;
        }

        long rowBytes = ((Math.Abs(width) * bitsPerPixel) + 31) / 32 * 4;
        long needed = pixelOffset + (rowBytes * Math.Abs(height));
        return needed > fileLength ? $"it is {fileLength} bytes long but its pixels need {needed}" : null;
    }
}
