using ConvCore.Fixed.Planes;
using OpenCvSharp;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// An aligned int16 feature map with rows <see cref="Stride"/> elements apart, seen as our
/// plane and as an OpenCV CV_16SC1 Mat over the same memory.
/// </summary>
public sealed class OutputFrame : IDisposable
{
    private readonly AlignedBuffer<short> _values;

    public OutputFrame(int width, int height, int stride)
    {
        Width = width;
        Height = height;
        Stride = stride;
        _values = new AlignedBuffer<short>(stride * height);
        Mat = Mat.FromPixelData(height, width, MatType.CV_16SC1, _values.Address, stride * sizeof(short));
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride { get; }

    public Plane<short> Plane => new(_values.Span, Width, Height, Stride);

    public Mat Mat { get; }

    public short this[int y, int x] => _values.Span[(y * Stride) + x];

    public void Dispose() => Mat.Dispose();
}
