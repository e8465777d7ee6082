using System.Globalization;
using System.Text;
using EdgeDevice.Files;

namespace EdgeDevice.Training;

/// <summary>The loss of every step of a run; written as CSV (iteration,loss,learning_rate).</summary>
public sealed class LossCurve
{
    public const string CsvHeader = "iteration,loss,learning_rate";

    private readonly List<LossPoint> _points;

    public LossCurve(int capacity = 0) => _points = new List<LossPoint>(capacity);

    public IReadOnlyList<LossPoint> Points => _points;

    public int Count => _points.Count;

    /// <summary>Appends a step; no allocation while the capacity given at construction lasts.</summary>
    public void Add(int iteration, double loss, double learningRate) => _points.Add(new LossPoint(iteration, loss, learningRate));

    public string ToCsv()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (LossPoint p in _points)
        {
            text.Append(p.Iteration.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(p.Loss.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.LearningRate.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the CSV atomically (temp file, fsync, rename).</summary>
    public void SaveCsv(string path) => AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes(ToCsv())));
}
