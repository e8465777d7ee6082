namespace Deploy.Tests.Infrastructure;

/// <summary>A systemd unit read as (section, key, value) entries, in file order, comments dropped.</summary>
public sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public UnitFile(string text)
    {
        string section = "";
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            _entries.Add((section, line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }
    }

    /// <summary>Every value given to <paramref name="key"/> in <paramref name="section"/>.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value).ToList();

    /// <summary>The single value of <paramref name="key"/>; fails the test if it is absent or repeated.</summary>
    public string One(string section, string key) =>
        Assert.Single(All(section, key));

    public bool Has(string section, string key) => All(section, key).Count > 0;

    /// <summary>How many settings the file makes, in all sections.</summary>
    public int Count => _entries.Count;
}
