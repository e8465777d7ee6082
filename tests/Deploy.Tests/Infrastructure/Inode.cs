namespace Deploy.Tests.Infrastructure;

/// <summary>Inode numbers: equal numbers on one filesystem mean one file, hard-linked.</summary>
public static class Inode
{
    public static long Of(string path) => Parse(ProcessRunner.Check("stat", "-c", "%i", path).StandardOutput);

    /// <summary>Every regular file under <paramref name="folder"/> (relative path) with its inode.</summary>
    public static IReadOnlyDictionary<string, long> Map(string folder) =>
        ProcessRunner.Check("find", folder, "-type", "f", "-printf", "%P\t%i\n").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => Parse(f[1]), StringComparer.Ordinal);

    private static long Parse(string text) => long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
