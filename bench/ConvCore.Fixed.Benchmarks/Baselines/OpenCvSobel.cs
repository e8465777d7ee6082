using ConvCore.Fixed.Benchmarks.Harness;
using OpenCvSharp;

namespace ConvCore.Fixed.Benchmarks.Baselines;

/// <summary>
/// OpenCV's dedicated Sobel (CV_16S, dx = 1, dy = 0, ksize 3, default border) on the whole
/// frame: a 'same' size output whose interior equals our valid Sobel-x shifted by (1, 1).
/// </summary>
public sealed class OpenCvSobel
{
    private readonly Mat _input;
    private readonly Mat _output;

    public OpenCvSobel(InputFrame input, OutputFrame output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input.Mat;
        _output = output.Mat;
    }

    public void Run() => Cv2.Sobel(_input, _output, MatType.CV_16S, 1, 0, 3);
}
