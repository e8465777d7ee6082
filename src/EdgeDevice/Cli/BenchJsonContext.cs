using System.Text.Json.Serialization;

namespace EdgeDevice.Cli;

/// <summary>
/// `bench --json`'s serializer, generated at compile time: reflection-based serialization
/// is not available in a NativeAOT build (deploy.sh --aot). Default options, so the output is
/// what JsonSerializer.Serialize(rows) printed before.
/// </summary>
[JsonSerializable(typeof(BenchMeasurement[]))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
