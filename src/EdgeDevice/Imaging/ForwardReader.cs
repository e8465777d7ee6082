namespace EdgeDevice.Imaging;

/// <summary>
/// Reads a stream forwards through one reused buffer: just enough to walk the block
/// structure of an image file without decoding it. Every method reports the end of the
/// stream instead of throwing, because "ran out of bytes" is the answer the walkers want.
/// </summary>
internal sealed class ForwardReader(Stream stream, int bufferSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _position;
    private int _length;

    /// <summary>The next byte, or -1 at the end of the stream.</summary>
    public int ReadByte()
    {
        if (_position == _length && !Refill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    /// <summary>A big-endian 16-bit value, or -1 at the end of the stream.</summary>
    public int ReadUInt16BigEndian()
    {
        int high = ReadByte();
        int low = ReadByte();
        return high < 0 || low < 0 ? -1 : (high << 8) | low;
    }

    /// <summary>Fills <paramref name="into"/> completely; false if the stream ends first.</summary>
    public bool ReadExactly(Span<byte> into)
    {
        for (int i = 0; i < into.Length; i++)
        {
            int b = ReadByte();
            if (b < 0)
            {
                return false;
            }

            into[i] = (byte)b;
        }

        return true;
    }

    /// <summary>Skips <paramref name="count"/> bytes; false if the stream ends first.</summary>
    public bool Skip(long count)
    {
        long buffered = _length - _position;
        if (count <= buffered)
        {
            _position += (int)count;
            return true;
        }

        count -= buffered;
        _position = _length;
        if (stream.CanSeek)
        {
            long target = stream.Position + count;
            if (target > stream.Length)
            {
                stream.Position = stream.Length;
                return false;
            }

            stream.Position = target;
            return true;
        }

        while (count > 0)
        {
            if (!Refill())
            {
                return false;
            }

            int step = (int)Math.Min(count, _length);
            _position = step;
            count -= step;
        }

        return true;
    }

    /// <summary>Moves just past the next occurrence of <paramref name="value"/>; false if there is none.</summary>
    public bool SkipPast(byte value)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_position, _length - _position).IndexOf(value);
            if (found >= 0)
            {
                _position += found + 1;
                return true;
            }

            _position = _length;
            if (!Refill())
            {
                return false;
            }
        }
    }

    private bool Refill()
    {
        _length = stream.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
