using System.Diagnostics;
using System.Globalization;

namespace EdgeDevice.Training;

/// <summary>
/// A one-line progress report on stderr, redrawn in place at most ten times a second:
/// iteration, loss and an estimate of the time left. Only used when stderr is a terminal,
/// so logs and pipes never see carriage returns.
/// </summary>
public sealed class ProgressLine
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly string _label;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    public ProgressLine(TextWriter error, string label)
    {
        _error = error;
        _label = label;
    }

    public void Report(TrainingProgress p)
    {
        if (_drawn && _sinceDraw.Elapsed < Interval)
        {
            return;
        }

        _sinceDraw.Restart();
        _drawn = true;
        _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: iteration {p.Iteration}/{p.MaxIterations}, loss {p.Loss:0.###e+0}, {Eta(p)}\u001b[K"));
        _error.Flush();
    }

    /// <summary>Removes the line (the results follow on stdout).</summary>
    public void Clear()
    {
        if (_drawn)
        {
            _error.Write("\r\u001b[K");
            _error.Flush();
        }
    }

    /// <summary>The time to the iteration limit at the current pace: an upper bound, as the run stops at its loss target.</summary>
    public static string Eta(TrainingProgress p)
    {
        if (p.Iteration == 0)
        {
            return "ETA -";
        }

        double perStep = p.Elapsed.TotalSeconds / p.Iteration;
        double left = perStep * Math.Max(0, p.MaxIterations - p.Iteration);
        return string.Create(CultureInfo.InvariantCulture, $"ETA at most {left:0.0} s");
    }
}
