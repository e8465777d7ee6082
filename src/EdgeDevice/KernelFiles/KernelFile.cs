using System.Globalization;
using System.Text;
using System.Text.Json;
using ConvCore.Fixed.Kernels;
using EdgeDevice.Cli;
using EdgeDevice.Files;

namespace EdgeDevice.KernelFiles;

/// <summary>
/// Kernel files in the INTERFACE.md format "edgedevice-kernel/1": int16 weights (row-major)
/// and fractionBits are authoritative; "values" is for people. Loading checks everything
/// and fails with one sentence naming the file; saving is atomic (temp file, fsync, rename)
/// so a failed save never damages the previous file.
/// </summary>
public static class KernelFile
{
    public const string Format = "edgedevice-kernel/1";

    /// <summary>Kernel files are tiny; anything bigger is not one (and is not read whole).</summary>
    public const long MaxFileBytes = 1 << 20;

    public static FixedKernel Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw Bad(path, "is a directory, not a kernel file");
        }

        if (!File.Exists(path))
        {
            throw Bad(path, "does not exist");
        }

        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            throw Bad(path, "is empty");
        }

        if (info.Length > MaxFileBytes)
        {
            throw Bad(path, $"is {info.Length} bytes; a kernel file is at most {MaxFileBytes} bytes");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw Bad(path, $"is not valid JSON ({ex.Message})");
        }

        using (doc)
        {
            return Parse(path, doc.RootElement);
        }
    }

    public static void Save(string path, FixedKernel kernel, KernelProvenance? provenance = null) =>
        AtomicFile.Write(path, stream => stream.Write(Serialize(kernel, provenance)));

    public static byte[] Serialize(FixedKernel kernel, KernelProvenance? provenance)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("name", kernel.Name);
            w.WriteNumber("rows", kernel.Rows);
            w.WriteNumber("cols", kernel.Cols);
            w.WriteNumber("fractionBits", kernel.FractionBits);
            w.WriteStartArray("weights");
            foreach (short v in kernel.Weights)
            {
                w.WriteNumberValue(v);
            }

            w.WriteEndArray();
            w.WriteNumber("bias", kernel.Bias);
            w.WriteStartArray("values");
            foreach (double v in kernel.RealValues())
            {
                w.WriteNumberValue(v);
            }

            w.WriteEndArray();
            if (provenance is not null)
            {
                w.WriteStartObject("provenance");
                if (provenance.Teacher is not null)
                {
                    w.WriteString("teacher", provenance.Teacher);
                }

                if (provenance.Iterations is int it)
                {
                    w.WriteNumber("iterations", it);
                }

                if (provenance.Loss is double loss && double.IsFinite(loss))
                {
                    w.WriteNumber("loss", loss);
                }

                if (provenance.Created is DateTimeOffset created)
                {
                    w.WriteString("created", created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    private static FixedKernel Parse(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad(path, "is JSON but not an object");
        }

        string format = RequiredString(path, root, "format");
        if (format != Format)
        {
            throw Bad(path, $"has format '{format}'; this program reads '{Format}'");
        }

        string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()!
            : Path.GetFileNameWithoutExtension(path);
        int rows = RequiredInt(path, root, "rows");
        int cols = RequiredInt(path, root, "cols");
        if (rows < 1 || cols < 1)
        {
            throw Bad(path, $"has shape {rows}x{cols}; rows and cols must be at least 1");
        }

        if ((long)rows * cols > FixedKernel.MaxTaps8Bit)
        {
            throw Bad(path, $"has {(long)rows * cols} taps ({rows}x{cols}); at most {FixedKernel.MaxTaps8Bit} are allowed");
        }

        int fractionBits = RequiredInt(path, root, "fractionBits");
        if (fractionBits is < 0 or > FixedKernel.MaxFractionBits)
        {
            throw Bad(path, $"has fractionBits {fractionBits}; it must be between 0 and {FixedKernel.MaxFractionBits}");
        }

        if (!root.TryGetProperty("weights", out JsonElement weights) || weights.ValueKind != JsonValueKind.Array)
        {
            throw Bad(path, "has no \"weights\" array");
        }

        if (weights.GetArrayLength() != rows * cols)
        {
            throw Bad(path, $"has {weights.GetArrayLength()} weights but a {rows}x{cols} kernel needs {rows * cols}");
        }

        var w = new short[rows * cols];
        int i = 0;
        foreach (JsonElement e in weights.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long v))
            {
                throw Bad(path, $"has weight {i} = {e.GetRawText()}; weights must be integers");
            }

            if (v is < short.MinValue or > short.MaxValue)
            {
                throw Bad(path, $"has weight {i} = {v}, outside int16 [-32768, 32767]");
            }

            w[i++] = (short)v;
        }

        int bias = 0;
        if (root.TryGetProperty("bias", out JsonElement b))
        {
            if (b.ValueKind != JsonValueKind.Number || !b.TryGetInt64(out long bv) || bv is < int.MinValue or > int.MaxValue)
            {
                throw Bad(path, $"has bias {b.GetRawText()}; it must be an int32 in accumulator units");
            }

            bias = (int)bv;
        }

        if (root.TryGetProperty("values", out JsonElement values))
        {
            CheckValues(path, values, rows * cols);
        }

        return FixedKernel.Create(name, rows, cols, w, fractionBits, bias);
    }

    /// <summary>"values" is informative, but garbage there (NaN, strings, a wrong count) means a broken file.</summary>
    private static void CheckValues(string path, JsonElement values, int count)
    {
        if (values.ValueKind != JsonValueKind.Array)
        {
            throw Bad(path, "has \"values\" that is not an array");
        }

        if (values.GetArrayLength() != count)
        {
            throw Bad(path, $"has {values.GetArrayLength()} values but {count} weights");
        }

        int i = 0;
        foreach (JsonElement e in values.EnumerateArray())
        {
            bool finite = e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) && double.IsFinite(d);
            if (!finite)
            {
                throw Bad(path, $"has value {i} = {e.GetRawText()}; values must be finite numbers (no NaN or Infinity)");
            }

            i++;
        }
    }

    private static string RequiredString(string path, JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw Bad(path, $"has no \"{property}\" string");

    private static int RequiredInt(string path, JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)
            ? v
            : throw Bad(path, $"has no integer \"{property}\"");

    private static UserInputException Bad(string path, string problem) => new($"Kernel file {path} {problem}.");
}
