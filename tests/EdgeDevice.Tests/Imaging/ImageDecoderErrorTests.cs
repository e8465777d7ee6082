using EdgeDevice.Tests.Support;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Tests.Imaging.Support;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;

namespace EdgeDevice.Tests.Imaging;

public sealed class ImageDecoderErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ImageDecoder _decoder = ImageDecoder.Create();

    public void Dispose() => _folder.Dispose();

    private ImageDecodeException Refused(string path, params string[] mustContain)
    {
        var frame = new LumaFrame(2, 2);
        var e = Assert.Throws<ImageDecodeException>(() => _decoder.DecodeLuma(path, frame));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        foreach (string part in mustContain)
        {
            Assert.True(e.Message.Contains(part, StringComparison.Ordinal), $"'{part}' missing from: {e.Message}");
        }

        return e;
    }

    [Fact]
    public void Missing_file_is_refused() => Refused(_folder.File("nothing-here.png"), "does not exist");

    [Fact]
    public void Folder_given_as_a_file_is_refused()
    {
        string path = _folder.File("photos.png");
        Directory.CreateDirectory(path);
        Refused(path, "is a folder");
    }

    [Fact]
    public void Empty_file_is_refused() => Refused(_folder.Write("empty.png", []), "is empty");

    [Fact]
    public void Text_file_named_png_is_refused_naming_the_accepted_formats() =>
        Refused(_folder.WriteText("notes.png", "This is a shopping list, not a picture.\n"), "not a recognised image", AcceptedImageFormats.Names);

    [Fact]
    public void Tiff_is_refused_by_name()
    {
        string path = TestImages.Noisy(_folder.File("scan.tif"), 4, 4, new TiffEncoder());

        Refused(path, "TIFF", AcceptedImageFormats.Names);
    }

    [Fact]
    public void Webp_and_tga_are_refused()
    {
        string webp = TestImages.Noisy(_folder.File("photo.webp"), 8, 8, new WebpEncoder());
        string tga = TestImages.Noisy(_folder.File("photo.tga"), 8, 8, new TgaEncoder());

        Refused(webp, "is a Webp image", AcceptedImageFormats.Names);

        // TGA has no signature ImageSharp can detect, so it is just "not recognised".
        Refused(tga, AcceptedImageFormats.Names);
    }

    [Fact]
    public void Image_above_the_pixel_limit_is_refused_with_size_limit_and_setting()
    {
        string path = TestImages.FlatGreyPng(_folder.File("wide.png"), 300, 200, 5);
        var decoder = ImageDecoder.Create(new ImageLimits { MaxPixels = 50_000 });

        var e = Assert.Throws<ImageDecodeException>(() => decoder.DecodeLuma(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("300x200", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.06 megapixels", e.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 0.05 megapixels", e.Message, StringComparison.Ordinal);
        Assert.Contains(ImageLimits.MaxPixelsSetting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_at_the_pixel_limit_is_accepted()
    {
        string path = TestImages.FlatGreyPng(_folder.File("exact.png"), 300, 200, 5);
        var decoder = ImageDecoder.Create(new ImageLimits { MaxPixels = 60_000 });

        Assert.Equal(300, decoder.DecodeLuma(path).Width);
    }

    [Fact]
    public void Default_limit_is_16_megapixels() => Assert.Equal(16_000_000, ImageLimits.Default.MaxPixels);

    [Theory]
    [InlineData(1)]
    [InlineData(16_000_000)]
    [InlineData(100_000_000)]
    [InlineData(int.MaxValue)]
    public void Allocation_limit_always_holds_the_largest_accepted_image_at_16_bits_per_channel(long maxPixels)
    {
        var limits = new ImageLimits { MaxPixels = maxPixels };

        // 8 bytes per pixel (16-bit RGBA), the widest type the accepted decoders produce.
        Assert.True((long)limits.AllocationLimitMegabytes << 20 >= maxPixels * 8);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Unusable_pixel_limit_is_an_argument_error_naming_the_setting(long maxPixels)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageDecoder.Create(new ImageLimits { MaxPixels = maxPixels }));
        Assert.Contains(ImageLimits.MaxPixelsSetting, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Truncated_png_is_refused(double keep) =>
        Refused(Truncate(TestImages.Noisy(_folder.File("cut.png"), 64, 64, new PngEncoder()), keep), "truncated or damaged PNG");

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Truncated_jpeg_is_refused(double keep) =>
        Refused(Truncate(TestImages.Noisy(_folder.File("cut.jpg"), 64, 64, new JpegEncoder()), keep), "truncated or damaged JPEG");

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    public void Truncated_bmp_and_gif_are_refused(double keep)
    {
        Refused(Truncate(TestImages.Noisy(_folder.File("cut.bmp"), 64, 64, new BmpEncoder()), keep), "truncated or damaged BMP");
        Refused(Truncate(TestImages.Noisy(_folder.File("cut.gif"), 64, 64, new GifEncoder()), keep), "truncated or damaged GIF");
    }

    [Fact]
    public void Whole_files_of_every_accepted_format_pass_the_completeness_checks()
    {
        foreach ((string name, SixLabors.ImageSharp.Formats.IImageEncoder encoder) in new (string, SixLabors.ImageSharp.Formats.IImageEncoder)[]
        {
            ("whole.png", new PngEncoder()),
            ("whole.jpg", new JpegEncoder()),
            ("whole.bmp", new BmpEncoder()),
            ("whole.gif", new GifEncoder()),
        })
        {
            LumaFrame frame = _decoder.DecodeLuma(TestImages.Noisy(_folder.File(name), 64, 48, encoder));
            Assert.Equal((64, 48), (frame.Width, frame.Height));
        }
    }

    [Fact]
    public void Jpeg_with_bytes_after_its_end_marker_is_accepted()
    {
        string path = TestImages.Noisy(_folder.File("trailer.jpg"), 32, 32, new JpegEncoder());
        File.AppendAllText(path, "camera maker's trailing data");

        Assert.Equal(32, _decoder.DecodeLuma(path).Width);
    }

    [Fact]
    public void Refusal_leaves_the_frame_usable_for_the_next_file()
    {
        var frame = new LumaFrame(2, 2);
        Assert.Throws<ImageDecodeException>(() => _decoder.DecodeLuma(_folder.Write("bad.png", [1, 2, 3]), frame));

        _decoder.DecodeLuma(TestImages.FlatGreyPng(_folder.File("good.png"), 3, 3, 123), frame);

        Assert.All(frame.Pixels.ToArray(), p => Assert.Equal(123, p));
    }

    private static string Truncate(string path, double keep)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int length = Math.Clamp((int)(bytes.Length * keep), 1, bytes.Length - 1);
        File.WriteAllBytes(path, bytes[..length]);
        return path;
    }
}
