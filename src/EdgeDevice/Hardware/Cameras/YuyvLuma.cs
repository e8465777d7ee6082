namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// Luminance from packed YUYV 4:2:2 (Y0 U Y1 V per two pixels): the Y bytes at even offsets.
/// Rows may be padded (bytes per line above 2 x width); the stride is taken from the buffer
/// length when it divides evenly, as V4L2 reports sizeimage = bytesperline x height.
/// </summary>
public static class YuyvLuma
{
    /// <summary>Bytes per row of a YUYV buffer of <paramref name="length"/> bytes, or 0 if it cannot hold the frame.</summary>
    public static int Stride(int length, int width, int height)
    {
        if (length < 2 * width * height)
        {
            return 0;
        }

        int stride = length / height;
        return stride >= 2 * width && stride % 2 == 0 && length % height == 0 ? stride : 2 * width;
    }

    public static void Extract(ReadOnlySpan<byte> yuyv, int stride, int width, int height, Span<byte> luma)
    {
        if (stride < 2 * width || yuyv.Length < (stride * (height - 1)) + (2 * width))
        {
            throw new ArgumentException($"A {width}x{height} YUYV frame with {stride}-byte rows does not fit in {yuyv.Length} bytes.", nameof(yuyv));
        }

        if (luma.Length < width * height)
        {
            throw new ArgumentException($"The luminance plane needs {width * height} bytes, not {luma.Length}.", nameof(luma));
        }

        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = yuyv.Slice(y * stride, 2 * width);
            Span<byte> dst = luma.Slice(y * width, width);
            for (int x = 0; x < width; x++)
            {
                dst[x] = row[2 * x];
            }
        }
    }
}
