using Microsoft.Extensions.Logging;

namespace EdgeDevice.Cli;

/// <summary>
/// Logs one line per message to a TextWriter (the CLI's stderr) at or above a level: for the
/// one-shot verbs, where a warning such as a skipped file belongs with the other messages.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer, minimum);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string level = logLevel >= LogLevel.Error ? "error" : logLevel == LogLevel.Warning ? "warning" : "info";
            lock (writer)
            {
                writer.WriteLine($"edgedevice: {level}: {formatter(state, exception)}");
            }
        }
    }
}
