using EdgeDevice.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;

namespace EdgeDevice.Imaging;

/// <summary>
/// Decodes PNG, JPEG, BMP and GIF files into 8-bit luminance frames, refusing anything else,
/// anything larger than <see cref="ImageLimits.MaxPixels"/> and anything cut short. Create
/// one per program run: it owns an ImageSharp configuration and memory pool.
/// </summary>
/// <remarks>
/// Order of checks: the path (missing, a folder, empty), the format from the header bytes, the
/// size from the header (Identify, no pixel decoding), the file's block structure (complete?),
/// then the decode, EXIF orientation, and luma. Every refusal is an
/// <see cref="ImageDecodeException"/> whose message names the file.
/// </remarks>
public sealed class ImageDecoder
{
    private readonly Configuration _configuration;

    private ImageDecoder(ImageLimits limits)
    {
        Limits = limits;
        _configuration = new Configuration(
            new PngConfigurationModule(),
            new JpegConfigurationModule(),
            new BmpConfigurationModule(),
            new GifConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = limits.PoolMegabytes,
                AllocationLimitMegabytes = limits.AllocationLimitMegabytes,
            }),
        };

        // An animated GIF contributes its first frame only; the rest is never decoded.
        _configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
    }

    public ImageLimits Limits { get; }

    /// <summary>A decoder enforcing <paramref name="limits"/> (validated here).</summary>
    public static ImageDecoder Create(ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        limits.Validate();
        return new ImageDecoder(limits);
    }

    /// <summary>
    /// Decodes <paramref name="path"/> into <paramref name="into"/> (resized to the image,
    /// reusing its buffer) and sets its <see cref="LumaFrame.Origin"/> to the file name.
    /// </summary>
    /// <exception cref="ImageDecodeException">The file is missing, refused or damaged.</exception>
    public void DecodeLuma(string path, LumaFrame into)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(into);

        using FileStream stream = OpenChecked(path);
        try
        {
            using Image image = LoadChecked(path, stream);
            image.Mutate(context => context.AutoOrient());
            LumaExtraction.CopyTo(image, into);
        }
        catch (IOException e)
        {
            throw new ImageDecodeException(path, $"{path} could not be read ({TrimSentence(e.Message)}).", e);
        }

        into.Origin = Path.GetFileName(path);
    }

    /// <summary>Decodes into a new frame; for one-off use (training inputs, the CLI's checks).</summary>
    public LumaFrame DecodeLuma(string path)
    {
        var frame = new LumaFrame(1, 1);
        DecodeLuma(path, frame);
        return frame;
    }

    private static FileStream OpenChecked(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ImageDecodeException(path, $"{path} is a folder, not an image file.");
        }

        if (!File.Exists(path))
        {
            throw new ImageDecodeException(path, $"{path} does not exist.");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException(path, $"{path} could not be opened ({TrimSentence(e.Message)}).", e);
        }

        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new ImageDecodeException(path, $"{path} is empty (0 bytes), not an image.");
        }

        return stream;
    }

    private Image LoadChecked(string path, FileStream stream)
    {
        IImageFormat format = DetectAccepted(path, stream);

        IImageInfo? info;
        try
        {
            stream.Position = 0;
            info = Image.Identify(_configuration, stream);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidMemoryOperationException)
        {
            // A cut-off file often fails here already; say "truncated" when that is why.
            ThrowIfIncomplete(path, format, stream);
            throw Damaged(path, format, e);
        }

        if (info is null)
        {
            throw new ImageDecodeException(path, $"{path} has a {format.Name} signature but its header could not be read.");
        }

        long pixels = (long)info.Width * info.Height;
        if (pixels > Limits.MaxPixels)
        {
            throw new ImageDecodeException(
                path,
                $"{path} is {info.Width}x{info.Height} ({Megapixels(pixels)}), above the limit of {Megapixels(Limits.MaxPixels)}; raise {ImageLimits.MaxPixelsSetting} to decode it.");
        }

        ThrowIfIncomplete(path, format, stream);

        try
        {
            stream.Position = 0;
            return Image.Load(_configuration, stream);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new ImageDecodeException(
                path,
                $"{path} needs more memory to decode than the {Limits.AllocationLimitMegabytes} MB the decoder allows (set by {ImageLimits.MaxPixelsSetting}).",
                e);
        }
        catch (NotSupportedException e)
        {
            throw new ImageDecodeException(path, $"{path} uses a {format.Name} feature the decoder does not support ({TrimSentence(e.Message)}).", e);
        }
        catch (ImageFormatException e)
        {
            throw Damaged(path, format, e);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            // A hostile or odd file can trip a decoder's internal checks; it is still the file's fault.
            throw Damaged(path, format, e);
        }
    }

    private static void ThrowIfIncomplete(string path, IImageFormat format, FileStream stream)
    {
        stream.Position = 0;
        string? problem = ImageCompleteness.FindProblem(format.Name, stream);
        if (problem is not null)
        {
            throw new ImageDecodeException(path, $"{path} is a truncated or damaged {format.Name} image: {problem}.");
        }
    }

    private IImageFormat DetectAccepted(string path, FileStream stream)
    {
        IImageFormat? format = Image.DetectFormat(_configuration, stream);
        if (format is not null)
        {
            return format;
        }

        // Name what the file is when ImageSharp knows it, so "photo.tif" gets "is a TIFF image"
        // rather than a vague "unknown format". Detection reads only the header bytes.
        stream.Position = 0;
        IImageFormat? other = Image.DetectFormat(Configuration.Default, stream);
        string what = other is null ? "not a recognised image" : $"a {other.Name} image";
        throw new ImageDecodeException(path, $"{path} is {what}; accepted formats are {AcceptedImageFormats.Names}.");
    }

    private static ImageDecodeException Damaged(string path, IImageFormat format, Exception e) =>
        new(path, $"{path} is a damaged {format.Name} image ({TrimSentence(e.Message)}).", e);

    private static string Megapixels(long pixels) => $"{pixels / 1_000_000.0:0.0#} megapixels";

    private static string TrimSentence(string message) => message.Trim().TrimEnd('.');
}
