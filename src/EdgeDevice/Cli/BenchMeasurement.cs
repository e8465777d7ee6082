using System.Text.Json.Serialization;

namespace EdgeDevice.Cli;

/// <summary>One row of `bench`: the INTERFACE.md JSON object.</summary>
public sealed record BenchMeasurement(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("mpixPerSecond")] double MpixPerSecond,
    [property: JsonPropertyName("framesPerSecond")] double FramesPerSecond,
    [property: JsonPropertyName("bytesAllocatedPerFrame")] double BytesAllocatedPerFrame);
