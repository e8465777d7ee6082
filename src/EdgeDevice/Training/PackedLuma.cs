using EdgeDevice.Frames;

namespace EdgeDevice.Training;

/// <summary>Copies a frame's pixels into a tight row-major array (training keeps images beyond the decoder's next call).</summary>
internal static class PackedLuma
{
    public static byte[] From(LumaFrame frame)
    {
        var pixels = new byte[frame.Width * frame.Height];
        var plane = frame.AsPlane();
        for (int y = 0; y < frame.Height; y++)
        {
            plane.Row(y).CopyTo(pixels.AsSpan(y * frame.Width, frame.Width));
        }

        return pixels;
    }
}
