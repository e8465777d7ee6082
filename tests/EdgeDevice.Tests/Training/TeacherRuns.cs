using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Training;

/// <summary>
/// `train --teacher NAME --out NAME.json` run once per teacher and shared by the tests that
/// look at its output (each run is a full training on the bundled photographs).
/// </summary>
public sealed class TeacherRuns : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, Task<(CliResult Result, string Json)>> _runs = [];
    private readonly object _gate = new();

    public Task<(CliResult Result, string Json)> Get(string teacher)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(teacher, out var run))
            {
                run = Run(teacher);
                _runs[teacher] = run;
            }

            return run;
        }
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(CliResult, string)> Run(string teacher)
    {
        string json = _folder.File($"{teacher}.json");
        CliResult r = await new CliRunner(_folder).RunAsync("train", "--teacher", teacher, "--out", json);
        return (r, json);
    }
}
