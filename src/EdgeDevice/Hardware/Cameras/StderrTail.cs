namespace EdgeDevice.Hardware.Cameras;

/// <summary>The last few lines a child wrote to stderr, kept for the message when it dies.</summary>
public sealed class StderrTail(int capacity = 20)
{
    private readonly Queue<string> _lines = new();
    private readonly object _gate = new();

    public long TotalLines { get; private set; }

    public void Add(string line)
    {
        lock (_gate)
        {
            TotalLines++;
            _lines.Enqueue(line.Length > 500 ? line[..500] : line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public string? Last()
    {
        lock (_gate)
        {
            return _lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        }
    }

    public string[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
