using EdgeDevice.Tests.Support;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Tests.Imaging.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Imaging;

public sealed class ImageDecoderLumaTests : IDisposable
{
    // Colours along one row and their luma worked by hand (see LuminanceTests).
    private static readonly (Rgb24 Colour, byte Luma)[] s_row =
    [
        (new Rgb24(255, 0, 0), 77),
        (new Rgb24(0, 255, 0), 149),
        (new Rgb24(0, 0, 255), 29),
        (new Rgb24(255, 255, 255), 255),
        (new Rgb24(10, 20, 30), 18),
        (new Rgb24(0, 0, 0), 0),
    ];

    private readonly TempFolder _folder = new();
    private readonly ImageDecoder _decoder = ImageDecoder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Rgb_png_gives_the_integer_luma()
    {
        string path = TestImages.Write(_folder.File("rgb.png"), s_row.Length, 2, (x, _) => s_row[x].Colour, new PngEncoder { ColorType = PngColorType.Rgb });

        LumaFrame frame = _decoder.DecodeLuma(path);

        Assert.Equal(s_row.Length, frame.Width);
        Assert.Equal(2, frame.Height);
        AssertRows(frame, s_row.Select(p => p.Luma).ToArray());
        Assert.Equal("rgb.png", frame.Origin);
    }

    [Fact]
    public void Alpha_is_ignored_even_when_fully_transparent()
    {
        string path = TestImages.Write(
            _folder.File("rgba.png"),
            s_row.Length,
            1,
            (x, _) => new Rgba32(s_row[x].Colour.R, s_row[x].Colour.G, s_row[x].Colour.B, (byte)(x * 40)),
            new PngEncoder { ColorType = PngColorType.RgbWithAlpha });

        AssertRows(_decoder.DecodeLuma(path), s_row.Select(p => p.Luma).ToArray());
    }

    [Fact]
    public void Bmp_gives_the_integer_luma()
    {
        string path = TestImages.Write(_folder.File("rgb.bmp"), s_row.Length, 3, (x, _) => s_row[x].Colour, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 });

        AssertRows(_decoder.DecodeLuma(path), s_row.Select(p => p.Luma).ToArray());
    }

    [Fact]
    public void Grey_png_passes_through_unchanged()
    {
        byte[] levels = [0, 1, 77, 128, 200, 254, 255];
        string path = TestImages.Write(_folder.File("grey.png"), levels.Length, 2, (x, _) => new L8(levels[x]), new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });

        AssertRows(_decoder.DecodeLuma(path), levels);
    }

    [Fact]
    public void Sixteen_bit_grey_png_keeps_the_high_byte()
    {
        ushort[] levels = [0x0000, 0x00FF, 0x1234, 0x80FF, 0xFF00, 0xFFFF];
        byte[] expected = [0x00, 0x00, 0x12, 0x80, 0xFF, 0xFF];
        string path = TestImages.Write(_folder.File("grey16.png"), levels.Length, 1, (x, _) => new L16(levels[x]), new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 });

        AssertRows(_decoder.DecodeLuma(path), expected);
    }

    [Fact]
    public void Grey_with_alpha_png_ignores_alpha()
    {
        byte[] levels = [3, 90, 250];
        string path = TestImages.Write(_folder.File("greyalpha.png"), levels.Length, 1, (x, _) => new La16(levels[x], (byte)(x * 100)), new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha, BitDepth = PngBitDepth.Bit8 });

        AssertRows(_decoder.DecodeLuma(path), levels);
    }

    [Fact]
    public void Sixteen_bit_colour_png_uses_the_high_byte_of_each_channel()
    {
        // High bytes (0x12, 0x34, 0x56) -> 46 by hand; (0xFF, 0xFF, 0xFF) -> 255.
        string path = TestImages.Write(
            _folder.File("rgb16.png"),
            2,
            1,
            (x, _) => x == 0 ? new Rgba64(0x12FF, 0x3480, 0x5601, 0) : new Rgba64(0xFFFF, 0xFF00, 0xFF00, 0xFFFF),
            new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit16 });

        AssertRows(_decoder.DecodeLuma(path), [46, 255]);
    }

    [Fact]
    public void Gif_gives_its_first_frame_only()
    {
        string path = _folder.File("two-frames.gif");
        using (var image = new Image<Rgba32>(4, 4, new Rgba32(255, 0, 0)))
        {
            using var second = new Image<Rgba32>(4, 4, new Rgba32(0, 0, 255));
            image.Frames.AddFrame(second.Frames.RootFrame);
            image.Save(path, new GifEncoder());
        }

        AssertRows(_decoder.DecodeLuma(path), [77, 77, 77, 77]);
    }

    [Fact]
    public void Decoding_reuses_a_large_enough_frame_buffer_and_resizes_it()
    {
        string small = TestImages.FlatGreyPng(_folder.File("small.png"), 3, 2, 40);
        string large = TestImages.FlatGreyPng(_folder.File("large.png"), 5, 4, 90);
        var frame = new LumaFrame(5, 4);

        _decoder.DecodeLuma(small, frame);
        Assert.Equal((3, 2), (frame.Width, frame.Height));
        Assert.All(frame.Pixels.ToArray(), p => Assert.Equal(40, p));

        _decoder.DecodeLuma(large, frame);
        Assert.Equal((5, 4), (frame.Width, frame.Height));
        Assert.All(frame.Pixels.ToArray(), p => Assert.Equal(90, p));
    }

    [Fact]
    public void Bundled_samples_decode_at_their_documented_sizes()
    {
        var expected = new Dictionary<string, (int Width, int Height)>
        {
            ["astronaut.png"] = (240, 240),
            ["camera.png"] = (320, 320),
            ["chelsea.png"] = (300, 200),
            ["coffee.png"] = (300, 200),
        };

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), EdgeDevice.Sources.SampleImages.Files.Select(Path.GetFileName));
        foreach (string file in EdgeDevice.Sources.SampleImages.Files)
        {
            LumaFrame frame = _decoder.DecodeLuma(file);
            Assert.Equal(expected[Path.GetFileName(file)], (frame.Width, frame.Height));

            // A photograph, not a blank: many distinct grey levels.
            Assert.True(frame.Pixels.ToArray().Distinct().Count() > 100, $"{file} decoded to too few grey levels");
        }
    }

    private static void AssertRows(LumaFrame frame, byte[] expectedRow)
    {
        Assert.Equal(expectedRow.Length, frame.Width);
        var plane = frame.AsPlane();
        for (int y = 0; y < frame.Height; y++)
        {
            Assert.Equal(expectedRow, plane.Row(y).ToArray());
        }
    }
}
