using EdgeDevice.Tests.Support;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Tests.Imaging.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Imaging;

public sealed class ExifOrientationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ImageDecoder _decoder = ImageDecoder.Create();

    public void Dispose() => _folder.Dispose();

    // Stored picture: 16 wide, 8 high; the left half black, the right half white, on 8x8
    // blocks so JPEG reproduces it almost exactly.
    private string WriteHalves(string name, ushort orientation, IImageEncoder encoder)
    {
        string path = _folder.File(name);
        using var image = new Image<L8>(16, 8);
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 16; x++)
            {
                image[x, y] = new L8(x < 8 ? (byte)0 : (byte)255);
            }
        }

        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        image.Save(path, encoder);
        return path;
    }

    [Fact]
    public void Jpeg_with_orientation_6_is_turned_clockwise()
    {
        // Orientation 6: the stored picture must be turned 90 degrees clockwise to display, so
        // its left column becomes the top row: 8 wide, 16 high, black on top.
        LumaFrame frame = _decoder.DecodeLuma(WriteHalves("rot90.jpg", 6, new JpegEncoder { Quality = 100 }));

        Assert.Equal((8, 16), (frame.Width, frame.Height));
        var plane = frame.AsPlane();
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                if (y < 8)
                {
                    Assert.True(plane[y, x] < 20, $"({x}, {y}) = {plane[y, x]} should be black");
                }
                else
                {
                    Assert.True(plane[y, x] > 235, $"({x}, {y}) = {plane[y, x]} should be white");
                }
            }
        }
    }

    [Fact]
    public void Png_with_orientation_3_is_turned_half_way()
    {
        // Orientation 3: turned 180 degrees, so white is now on the left; PNG keeps it exact.
        LumaFrame frame = _decoder.DecodeLuma(WriteHalves("rot180.png", 3, new PngEncoder { ColorType = PngColorType.Grayscale }));

        Assert.Equal((16, 8), (frame.Width, frame.Height));
        byte[] expectedRow = [.. Enumerable.Repeat((byte)255, 8), .. Enumerable.Repeat((byte)0, 8)];
        var plane = frame.AsPlane();
        for (int y = 0; y < 8; y++)
        {
            Assert.Equal(expectedRow, plane.Row(y).ToArray());
        }
    }

    [Fact]
    public void Orientation_1_leaves_the_picture_as_stored()
    {
        LumaFrame frame = _decoder.DecodeLuma(WriteHalves("upright.png", 1, new PngEncoder { ColorType = PngColorType.Grayscale }));

        Assert.Equal((16, 8), (frame.Width, frame.Height));
        Assert.Equal(0, frame.AsPlane()[0, 0]);
        Assert.Equal(255, frame.AsPlane()[0, 15]);
    }
}
