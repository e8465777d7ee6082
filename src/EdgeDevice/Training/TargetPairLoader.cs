using EdgeDevice.Cli;
using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using EdgeDevice.Npy;

namespace EdgeDevice.Training;

/// <summary>
/// Loads `train --input X --target Y`: X is an image (or a uint8 .npy such as simulate's
/// --save-luma) and Y the map a kernel should turn it into, as an int16 .npy (signed, e.g.
/// simulate's --save-feature-map), a uint8 .npy, or an image (0..255, so no negative
/// values: a signed kernel's edges cannot be learned from a PNG). Y must be the valid-mode
/// output, (H - kh + 1) x (W - kw + 1); without --size the kernel size follows from that.
/// Every problem is one sentence naming the file (exit 2).
/// </summary>
public static class TargetPairLoader
{
    /// <summary>Kernels inferred from the shapes may have at most this many taps (the core's 8-bit limit).</summary>
    public const int MaxTaps = ConvCore.Fixed.Kernels.FixedKernel.MaxTaps8Bit;

    public static (TrainingExample Example, int Rows, int Cols) Load(string inputPath, string targetPath, (int Rows, int Cols)? size, ImageLimits? limits = null)
    {
        (byte[] x, int w, int h) = LoadInput(inputPath, limits);
        (int[] y, int yw, int yh) = LoadTarget(targetPath, limits);
        int rows, cols;
        if (size is (int r, int c))
        {
            rows = r;
            cols = c;
            if (w < cols || h < rows)
            {
                throw new UserInputException($"--input {inputPath} is {w}x{h} (W x H), smaller than the {rows}x{cols} kernel of --size.");
            }

            if (yh != h - rows + 1 || yw != w - cols + 1)
            {
                throw new UserInputException(
                    $"--target {targetPath} has shape ({yh}, {yw}) but a ({h}, {w}) input with a {rows}x{cols} kernel gives ({h - rows + 1}, {w - cols + 1}) in valid mode ((H - kh + 1) x (W - kw + 1)).");
            }
        }
        else
        {
            rows = h - yh + 1;
            cols = w - yw + 1;
            if (rows < 1 || cols < 1)
            {
                throw new UserInputException(
                    $"--target {targetPath} has shape ({yh}, {yw}), larger than the ({h}, {w}) input on an axis; a valid-mode target is (H - kh + 1) x (W - kw + 1), never larger.");
            }

            if (rows * cols > MaxTaps || rows > 64 || cols > 64)
            {
                throw new UserInputException(
                    $"--target {targetPath} has shape ({yh}, {yw}), which with the ({h}, {w}) input implies a {rows}x{cols} kernel, larger than the {MaxTaps} taps (64 per side) a kernel may have; give the valid-mode map of the same image.");
            }
        }

        var example = new TrainingExample(Path.GetFileName(inputPath), x, w, h, y, yw, yh);
        return (example, rows, cols);
    }

    private static (byte[] Pixels, int Width, int Height) LoadInput(string path, ImageLimits? limits)
    {
        if (IsNpy(path))
        {
            NpyArray<byte> a = ReadNpy(path, "--input", () => NpyReader.ReadBytes(path));
            return (a.Data, a.Width, a.Height);
        }

        LumaFrame frame = Decode(path, "--input", limits);
        return (PackedLuma.From(frame), frame.Width, frame.Height);
    }

    private static (int[] Values, int Width, int Height) LoadTarget(string path, ImageLimits? limits)
    {
        if (!IsNpy(path))
        {
            if (!AcceptedImageFormats.HasAcceptedExtension(path))
            {
                throw new UserInputException($"--target {path} is neither a .npy file nor an image ({AcceptedImageFormats.Names}).");
            }

            LumaFrame frame = Decode(path, "--target", limits);
            return (Array.ConvertAll(PackedLuma.From(frame), v => (int)v), frame.Width, frame.Height);
        }

        NpyHeader header = ReadNpy(path, "--target", () => NpyReader.ReadHeader(path));
        if (NpyElement.Matches(header.Descr, NpyElement.Descr<short>()))
        {
            NpyArray<short> a = ReadNpy(path, "--target", () => NpyReader.ReadInt16(path));
            return (Array.ConvertAll(a.Data, v => (int)v), a.Width, a.Height);
        }

        if (NpyElement.Matches(header.Descr, NpyElement.Descr<byte>()))
        {
            NpyArray<byte> a = ReadNpy(path, "--target", () => NpyReader.ReadBytes(path));
            return (Array.ConvertAll(a.Data, v => (int)v), a.Width, a.Height);
        }

        throw new UserInputException($"--target {path} holds dtype '{header.Descr}'; a target must be int16 ('<i2', signed values) or uint8 ('|u1').");
    }

    private static bool IsNpy(string path) => path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase);

    private static T ReadNpy<T>(string path, string option, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (NpyFormatException ex)
        {
            throw new UserInputException($"{option} {ex.Message}", ex);
        }
    }

    private static LumaFrame Decode(string path, string option, ImageLimits? limits)
    {
        try
        {
            return ImageDecoder.Create(limits).DecodeLuma(path);
        }
        catch (ImageDecodeException ex)
        {
            throw new UserInputException($"{option} {ex.Message}", ex);
        }
    }
}
