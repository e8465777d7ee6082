using ConvCore.Fixed.Benchmarks.Harness;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConvCore.Fixed.Benchmarks.Baselines;

/// <summary>
/// ImageSharp 2.1.13's DetectEdges with its Sobel kernel pair on an 8-bit grey image, on one
/// thread. Not the same work as ours: it computes both gradients and their magnitude, in
/// float, over the whole frame, and writes 8-bit results in place.
/// </summary>
/// <remarks>
/// Mutate works in place, so each frame first copies the scene back in (a memcpy of the
/// frame, well under 1% of the filter's time) to filter the same picture every time.
/// </remarks>
public sealed class ImageSharpSobel : IDisposable
{
    private readonly Configuration _configuration;
    private readonly Image<L8> _image;
    private readonly byte[] _scene;

    public ImageSharpSobel(InputFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _configuration = Configuration.Default.Clone();
        _configuration.MaxDegreeOfParallelism = 1;
        _image = new Image<L8>(_configuration, input.Size.Width, input.Size.Height);
        _scene = input.Pixels.ToArray();
    }

    public void Run()
    {
        if (!_image.DangerousTryGetSinglePixelMemory(out Memory<L8> pixels))
        {
            throw new InvalidOperationException("ImageSharp did not keep the frame in one buffer.");
        }

        _scene.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.Span));
        _image.Mutate(_configuration, DetectSobelEdges);
    }

    public void Dispose() => _image.Dispose();

    private static void DetectSobelEdges(IImageProcessingContext context) =>
        context.DetectEdges(KnownEdgeDetectorKernels.Sobel, grayscale: false);
}
