using System.CommandLine;
using System.Globalization;
using EdgeDevice.Pipeline;

namespace EdgeDevice.Cli;

/// <summary>
/// The options `run` and `simulate` share. Each maps to the settings key it overrides, so the
/// command line is simply the last settings layer.
/// </summary>
public sealed class CommonOptions
{
    public Option<string?> Input { get; } = new("--input") { Description = "An image file, a folder, a glob, or 'synthetic'." };

    public Option<string?> Kernel { get; } = new("--kernel") { Description = "A catalogue name (see 'kernels') or a kernel file (.json)." };

    public Option<long?> Frames { get; } = new("--frames") { Description = "Stop after this many frames." };

    public Option<string?> WorkSize { get; } = new("--work-size") { Description = "native, or WxH: the size the core correlates at." };

    public Option<string?> Mode { get; } = new("--mode") { Description = "valid, same-zero or same-replicate." };

    public Option<string?> Matrix { get; } = new("--matrix") { Description = "The LED matrix size, WxH (e.g. 8x8, 16x16, 64x32)." };

    public Option<double?> Fps { get; } = new("--fps") { Description = "Frames per second (0 = as fast as possible)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Kernel);
        command.Options.Add(Frames);
        command.Options.Add(WorkSize);
        command.Options.Add(Mode);
        command.Options.Add(Matrix);
        command.Options.Add(Fps);
    }

    /// <summary>The settings keys the given options override (only those the user gave).</summary>
    public List<KeyValuePair<string, string?>> ToSettings(ParseResult parse)
    {
        var s = new List<KeyValuePair<string, string?>>();
        if (parse.GetValue(Input) is string input)
        {
            if (string.Equals(input, "synthetic", StringComparison.OrdinalIgnoreCase))
            {
                s.Add(new("Source:Kind", "synthetic"));
            }
            else
            {
                s.Add(new("Source:Kind", "files"));
                s.Add(new("Source:Path", input));
            }
        }

        if (parse.GetValue(Kernel) is string kernel)
        {
            s.Add(new("Pipeline:Kernel", kernel));
        }

        if (parse.GetValue(WorkSize) is string work)
        {
            if (!PipelineOptions.TryParseWorkSize(work, out int w, out int h))
            {
                throw new UserInputException($"--work-size '{work}' is not 'native' or WxH with positive numbers (e.g. 160x120).");
            }

            s.Add(new("Pipeline:WorkWidth", w.ToString(CultureInfo.InvariantCulture)));
            s.Add(new("Pipeline:WorkHeight", h.ToString(CultureInfo.InvariantCulture)));
        }

        if (parse.GetValue(Mode) is string mode)
        {
            if (!PipelineOptions.TryParseMode(mode, out _))
            {
                throw new UserInputException($"--mode '{mode}' is not one of valid, same-zero, same-replicate.");
            }

            s.Add(new("Pipeline:Mode", mode));
        }

        if (parse.GetValue(Matrix) is string matrix)
        {
            (int w, int h) = ParseSize("--matrix", matrix);
            s.Add(new("Display:Width", w.ToString(CultureInfo.InvariantCulture)));
            s.Add(new("Display:Height", h.ToString(CultureInfo.InvariantCulture)));
        }

        if (parse.GetValue(Fps) is double fps)
        {
            s.Add(new("Source:FrameRate", fps.ToString(CultureInfo.InvariantCulture)));
        }

        if (parse.GetValue(Frames) is long frames && frames < 1)
        {
            throw new UserInputException($"--frames {frames} must be at least 1.");
        }

        return s;
    }

    public static (int Width, int Height) ParseSize(string option, string text)
    {
        string[] parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && w > 0 && h > 0)
        {
            return (w, h);
        }

        throw new UserInputException($"{option} '{text}' is not a size WxH with positive numbers (e.g. 8x8).");
    }
}
