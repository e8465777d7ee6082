using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Imaging.Support;

/// <summary>Writes small images with ImageSharp's default configuration (which can also write TIFF, WebP, ...).</summary>
internal static class TestImages
{
    public static string Write<TPixel>(string path, int width, int height, Func<int, int, TPixel> pixel, IImageEncoder encoder)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var image = new Image<TPixel>(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image[x, y] = pixel(x, y);
            }
        }

        image.Save(path, encoder);
        return path;
    }

    /// <summary>An RGB PNG whose every pixel is <paramref name="value"/> in R, G and B.</summary>
    public static string FlatGreyPng(string path, int width, int height, byte value) =>
        Write(path, width, height, (_, _) => new Rgb24(value, value, value), new PngEncoder { ColorType = PngColorType.Rgb });

    /// <summary>ImageSharp's default encoder for the file's extension (".JPG" works too).</summary>
    public static IImageEncoder EncoderFor(string path)
    {
        var formats = Configuration.Default.ImageFormatsManager;
        IImageFormat format = formats.FindFormatByFileExtension(Path.GetExtension(path).TrimStart('.'))
            ?? throw new ArgumentException($"No format for {path}.", nameof(path));
        return formats.FindEncoder(format);
    }

    /// <summary>A noisy RGB image, large enough that its compressed data spans many blocks.</summary>
    public static string Noisy(string path, int width, int height, IImageEncoder encoder, int seed = 1)
    {
        var random = new Random(seed);
        return Write(path, width, height, (x, y) => new Rgb24((byte)random.Next(256), (byte)(x * 3), (byte)(y * 5)), encoder);
    }
}
