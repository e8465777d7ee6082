namespace EdgeDevice.Sources;

/// <summary>
/// The photographs bundled with the program (see Samples/LICENSE-SAMPLES.md), copied beside
/// the executable, so a desktop run needs no files of its own.
/// </summary>
public static class SampleImages
{
    /// <summary>AppContext.BaseDirectory/Samples.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>True when the folder exists (a trimmed deploy may leave it out).</summary>
    public static bool Available => Directory.Exists(Folder);

    /// <summary>The sample files by name, sorted; empty when not available.</summary>
    public static IReadOnlyList<string> Files =>
        Available
            ? Directory.GetFiles(Folder, "*.png").Order(StringComparer.Ordinal).ToArray()
            : [];
}
