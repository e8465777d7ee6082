namespace EdgeDevice.Settings;

/// <summary>Where frames come from: the "Source" settings section.</summary>
public sealed class SourceOptions
{
    public const string Section = "Source";

    /// <summary>auto | synthetic | files | camera | picamera. Auto uses a camera when one is present, else the synthetic pattern.</summary>
    public string Kind { get; set; } = "auto";

    /// <summary>A file, folder or glob for Kind=files (or for simulate's --input).</summary>
    public string? Path { get; set; }

    /// <summary>Frames per second to deliver (0 = as fast as the pipeline runs).</summary>
    public double FrameRate { get; set; } = 15;

    /// <summary>Whether a folder or file source starts again at the end.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>Images with more pixels are refused before decoding (a 40 MP decode needs ~160 MB).</summary>
    public long MaxPixels { get; set; } = 16_000_000;

    public int SyntheticWidth { get; set; } = 320;

    public int SyntheticHeight { get; set; } = 240;

    public IEnumerable<string> Validate()
    {
        string[] kinds = ["auto", "synthetic", "files", "camera", "picamera"];
        if (!kinds.Contains(Kind, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Source:Kind is '{Kind}'; it must be one of {string.Join(", ", kinds)}.";
        }

        if (!double.IsFinite(FrameRate) || FrameRate < 0)
        {
            yield return $"Source:FrameRate is {FrameRate}; it must be 0 (as fast as possible) or a positive number of frames per second.";
        }

        if (MaxPixels < 1)
        {
            yield return $"Source:MaxPixels is {MaxPixels}; it must be at least 1.";
        }

        if (SyntheticWidth < 8 || SyntheticHeight < 8)
        {
            yield return $"Source:SyntheticWidth/SyntheticHeight are {SyntheticWidth}x{SyntheticHeight}; both must be at least 8.";
        }

        if (string.Equals(Kind, "files", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(Path))
        {
            yield return "Source:Path is empty; Source:Kind=files needs a file, folder or glob.";
        }
    }
}
