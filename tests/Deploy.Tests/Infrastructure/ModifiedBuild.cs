namespace Deploy.Tests.Infrastructure;

/// <summary>
/// "The next build": a hard-linked copy of the shared arm64 publish in which a few files are
/// replaced or added (never edited in place, so the shared publish stays as it was).
/// </summary>
public static class ModifiedBuild
{
    public static string From(string publishFolder, IReadOnlyDictionary<string, string> replacements)
    {
        string copy = Path.Combine(TestRun.NewFolder("build"), "publish");
        ProcessRunner.Check("cp", "-al", publishFolder, copy);
        foreach ((string relative, string content) in replacements)
        {
            string path = Path.Combine(copy, relative);
            File.Delete(path);
            File.WriteAllText(path, content);
        }

        return copy;
    }
}
