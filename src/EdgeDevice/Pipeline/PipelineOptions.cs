using System.Globalization;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Pipeline;

/// <summary>
/// Settings of the frame pipeline, bound from the "Pipeline" section of the settings and
/// mirrored by CLI flags (--work-size, --mode, --kernel). Plain properties so the
/// configuration binder can fill them; <see cref="Validate"/> checks them once at start-up.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>The settings section these options are bound from.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>The largest working width or height accepted (far beyond any camera the Pi drives).</summary>
    public const int MaxWorkSize = 8192;

    /// <summary>
    /// Width the frame is area-downscaled to before correlation. 0 together with
    /// <see cref="WorkHeight"/> 0 means native: correlate the frame at its own size.
    /// Frames are never upscaled: a frame narrower than this is used at its own width.
    /// </summary>
    public int WorkWidth { get; set; } = 160;

    /// <summary>Height of the working image; see <see cref="WorkWidth"/>.</summary>
    public int WorkHeight { get; set; } = 120;

    /// <summary>Border mode: "valid", "same-zero" or "same-replicate" (the CLI's --mode values).</summary>
    public string Mode { get; set; } = "valid";

    /// <summary>Catalogue name or kernel file (ends in .json or contains a path separator).</summary>
    public string Kernel { get; set; } = "sobel";

    public GainMode GainMode { get; set; } = GainMode.Auto;

    /// <summary>The multiplier of <see cref="GainMode.Fixed"/>: intensity = |v| x Gain, clipped at 255.</summary>
    public double Gain { get; set; } = 1.0;

    /// <summary>
    /// Per-frame decay of the running peak in <see cref="GainMode.Auto"/>: the peak is
    /// max(this frame's peak, previous peak x decay), so a brief bright edge fades out over
    /// a second or so instead of the gain jumping each frame.
    /// </summary>
    public double AutoGainDecay { get; set; } = 0.95;

    /// <summary>
    /// The smallest peak auto gain scales to full scale. A flat scene whose only features are
    /// sensor noise (|v| of a few units) then stays dark instead of flickering at full brightness.
    /// </summary>
    public int AutoGainMinPeak { get; set; } = 16;

    /// <summary>LED output = 255 x brightness x (intensity / 255)^Gamma: LEDs are linear in light, eyes are not.</summary>
    public double Gamma { get; set; } = 2.2;

    /// <summary>0..1, the largest channel value as a fraction of 255 (further capped by the display's own cap).</summary>
    public double Brightness { get; set; } = 1.0;

    public MapMode Map { get; set; } = MapMode.Auto;

    public PoolingMode Pooling { get; set; } = PoolingMode.MaxAbs;

    /// <summary>True when the work size is 0x0: correlate frames at their own size.</summary>
    public bool IsNativeWorkSize => WorkWidth == 0 && WorkHeight == 0;

    /// <summary>The <see cref="Mode"/> text as a border mode, or an ArgumentException naming the setting.</summary>
    public BorderMode BorderMode =>
        TryParseMode(Mode, out BorderMode mode)
            ? mode
            : throw new ArgumentException($"Pipeline:Mode '{Mode}' is not one of valid, same-zero, same-replicate.", nameof(Mode));

    /// <summary>Every problem with these settings, one sentence each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        bool native = IsNativeWorkSize;
        if (!native)
        {
            CheckSize(errors, "WorkWidth", WorkWidth);
            CheckSize(errors, "WorkHeight", WorkHeight);
        }

        if (!TryParseMode(Mode, out _))
        {
            errors.Add($"Pipeline:Mode '{Mode}' must be one of valid, same-zero, same-replicate.");
        }

        if (string.IsNullOrWhiteSpace(Kernel))
        {
            errors.Add("Pipeline:Kernel must name a catalogue kernel or a kernel file.");
        }
        else if (!IsKernelFile(Kernel) && !KernelCatalogue.TryGet(Kernel, out _))
        {
            errors.Add($"Pipeline:Kernel '{Kernel}' is not a catalogue kernel; did you mean '{KernelCatalogue.Nearest(Kernel)}'?");
        }

        CheckEnum(errors, "GainMode", GainMode);
        CheckEnum(errors, "Map", Map);
        CheckEnum(errors, "Pooling", Pooling);
        if (!(Gain > 0 && Gain <= 10000))
        {
            errors.Add($"Pipeline:Gain must be greater than 0 and at most 10000, not {Format(Gain)}.");
        }

        if (!(AutoGainDecay >= 0 && AutoGainDecay < 1))
        {
            errors.Add($"Pipeline:AutoGainDecay must be at least 0 and below 1, not {Format(AutoGainDecay)}.");
        }

        if (AutoGainMinPeak < 1 || AutoGainMinPeak > short.MaxValue)
        {
            errors.Add($"Pipeline:AutoGainMinPeak must be between 1 and {short.MaxValue}, not {AutoGainMinPeak}.");
        }

        if (!(Gamma >= 0.1 && Gamma <= 5))
        {
            errors.Add($"Pipeline:Gamma must be between 0.1 and 5, not {Format(Gamma)}.");
        }

        if (!(Brightness >= 0 && Brightness <= 1))
        {
            errors.Add($"Pipeline:Brightness must be between 0 and 1, not {Format(Brightness)}.");
        }

        return errors;
    }

    /// <summary>Parses the --mode / Pipeline:Mode text (case-insensitive).</summary>
    public static bool TryParseMode(string? text, out BorderMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "valid":
                mode = BorderMode.Valid;
                return true;
            case "same-zero":
                mode = BorderMode.SameZero;
                return true;
            case "same-replicate":
                mode = BorderMode.SameReplicate;
                return true;
            default:
                mode = BorderMode.Valid;
                return false;
        }
    }

    /// <summary>
    /// Parses the --work-size text: "native" (width and height 0) or "WxH" with both at
    /// least 1 and at most <see cref="MaxWorkSize"/>.
    /// </summary>
    public static bool TryParseWorkSize(string? text, out int width, out int height)
    {
        width = 0;
        height = 0;
        string t = text?.Trim().ToLowerInvariant() ?? string.Empty;
        if (t == "native")
        {
            return true;
        }

        int x = t.IndexOf('x', StringComparison.Ordinal);
        if (x <= 0
            || !int.TryParse(t.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            || !int.TryParse(t.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || w < 1 || h < 1 || w > MaxWorkSize || h > MaxWorkSize)
        {
            return false;
        }

        width = w;
        height = h;
        return true;
    }

    /// <summary>INTERFACE.md's rule: a kernel argument ending in .json or holding a path separator is a file.</summary>
    public static bool IsKernelFile(string kernel) =>
        kernel.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || kernel.Contains('/', StringComparison.Ordinal)
        || kernel.Contains('\\', StringComparison.Ordinal);

    private static void CheckSize(List<string> errors, string name, int value)
    {
        if (value < 1)
        {
            errors.Add($"Pipeline:{name} must be at least 1 (or WorkWidth and WorkHeight both 0 for native), not {value}.");
        }
        else if (value > MaxWorkSize)
        {
            errors.Add($"Pipeline:{name} must be at most {MaxWorkSize}, not {value}.");
        }
    }

    private static void CheckEnum<T>(List<string> errors, string name, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"Pipeline:{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, not {value}.");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
