using ConvCore.Fixed.Planes;
using OpenCvSharp;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// One aligned 8-bit frame holding the synthetic scene, seen both as our plane and as an
/// OpenCV Mat over the same memory, so every contender reads identical bytes.
/// </summary>
public sealed class InputFrame : IDisposable
{
    private readonly AlignedBuffer<byte> _pixels;

    public InputFrame(FrameSize size)
    {
        Size = size;
        // 640 and 1920 bytes are multiples of 64, so a tight stride keeps every row aligned too.
        Stride = size.Width;
        _pixels = new AlignedBuffer<byte>(Stride * size.Height);
        SyntheticScene.Render(_pixels.Span, size, Stride);
        Mat = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC1, _pixels.Address, Stride);
    }

    public FrameSize Size { get; }

    public int Stride { get; }

    public ReadOnlySpan<byte> Pixels => _pixels.Span;

    public ReadOnlyPlane<byte> Plane => new(_pixels.Span, Size.Width, Size.Height, Stride);

    /// <summary>The same pixels for OpenCV (the Mat does not own them).</summary>
    public Mat Mat { get; }

    public void Dispose() => Mat.Dispose();
}
