using EdgeDevice.Rendering;
using EdgeDevice.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Tests.Rendering;

public class OutputFolderTests
{
    [Fact]
    public void A_PNG_save_that_fails_part_way_leaves_the_previous_picture_and_names_the_folder()
    {
        using var folder = new TempFolder();
        string path = folder.File("leds.png");
        using var old = new Image<Rgb24>(4, 4, new Rgb24(1, 2, 3));
        OutputFolder.SaveAtomically(old, path, new PngEncoder());
        byte[] before = File.ReadAllBytes(path);

        using var picture = new Image<Rgb24>(64, 64, new Rgb24(200, 100, 50));
        var ex = Assert.Throws<IOException>(() => OutputFolder.SaveAtomically(picture, path, new DiskFullPngEncoder(failAfter: 40)));

        Assert.Contains(folder.Path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["leds.png"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    /// <summary>A real PNG encoder whose output stream runs out of space after a few bytes.</summary>
    private sealed class DiskFullPngEncoder(int failAfter) : IImageEncoder
    {
        private readonly PngEncoder _png = new();

        public void Encode<TPixel>(Image<TPixel> image, Stream stream)
            where TPixel : unmanaged, IPixel<TPixel> =>
            _png.Encode(image, new FailingStream(stream, failAfter));

        public Task EncodeAsync<TPixel>(Image<TPixel> image, Stream stream, CancellationToken cancellationToken)
            where TPixel : unmanaged, IPixel<TPixel> =>
            _png.EncodeAsync(image, new FailingStream(stream, failAfter), cancellationToken);
    }
}
