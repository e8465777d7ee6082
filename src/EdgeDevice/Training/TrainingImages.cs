using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Sources;

namespace EdgeDevice.Training;

/// <summary>
/// The luma images a teacher labels: the bundled photographs ("samples", the default), one
/// file, a folder or a pattern. Decoded once, at full size, with the program's decoder (the
/// same BT.601 integer luma the device sees). Problems are the user's input: exit 2.
/// </summary>
public static class TrainingImages
{
    public const string Samples = "samples";

    public static IReadOnlyList<(string Origin, byte[] Pixels, int Width, int Height)> Load(string? input, ImageLimits? limits = null)
    {
        IReadOnlyList<string> files = Resolve(input);
        ImageDecoder decoder = ImageDecoder.Create(limits);
        var images = new List<(string, byte[], int, int)>(files.Count);
        foreach (string file in files)
        {
            LumaFrame frame;
            try
            {
                frame = decoder.DecodeLuma(file);
            }
            catch (ImageDecodeException ex)
            {
                throw new UserInputException(ex.Message, ex);
            }

            images.Add((Path.GetFileName(file), PackedLuma.From(frame), frame.Width, frame.Height));
        }

        return images;
    }

    private static IReadOnlyList<string> Resolve(string? input)
    {
        if (input is null || string.Equals(input, Samples, StringComparison.OrdinalIgnoreCase))
        {
            IReadOnlyList<string> samples = SampleImages.Files;
            return samples.Count > 0
                ? samples
                : throw new UserInputException($"The bundled sample photographs are missing ({SampleImages.Folder}); give --input a file or folder.");
        }

        try
        {
            return ImageInput.Resolve(input).Files;
        }
        catch (FrameSourceException ex)
        {
            throw new UserInputException($"--input {ex.Message}", ex);
        }
    }
}
