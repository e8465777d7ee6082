using Microsoft.Extensions.Logging;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>Keeps every log line (level and formatted message) for assertions.</summary>
public sealed class ListLogger : ILogger
{
    private readonly object _gate = new();

    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            Lines.Add((logLevel, formatter(state, exception)));
        }
    }

    public string[] Snapshot()
    {
        lock (_gate)
        {
            return Lines.Select(l => $"{l.Level}: {l.Message}").ToArray();
        }
    }
}
