using ConvCore.Fixed.Planes;

namespace EdgeDevice.Training;

/// <summary>
/// Random crops of a training set, the same sequence for the same seed: which image and
/// where, with the matching target crop (valid mode: the target crop is kh - 1 rows and
/// kw - 1 columns smaller). Allocates nothing per crop.
/// </summary>
public sealed class CropSampler
{
    private readonly TrainingSet _set;
    private readonly Random _random;
    private int _example;
    private int _x;
    private int _y;

    public CropSampler(TrainingSet set, int cropSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (cropSize < Math.Max(set.Rows, set.Cols))
        {
            throw new ArgumentOutOfRangeException(nameof(cropSize), cropSize, $"The crop must be at least as large as the {set.Rows}x{set.Cols} kernel.");
        }

        _set = set;
        _random = new Random(seed);
        CropSize = cropSize;
    }

    public int CropSize { get; }

    /// <summary>The widest crop this sampler can return.</summary>
    public int MaxCropWidth => Math.Min(CropSize, _set.MaxWidth);

    public int MaxCropHeight => Math.Min(CropSize, _set.MaxHeight);

    /// <summary>Picks the next crop; read it with <see cref="Input"/> and <see cref="Target"/>.</summary>
    public void Next()
    {
        _example = _random.Next(_set.Examples.Count);
        TrainingExample e = _set.Examples[_example];
        _x = _random.Next(e.Width - CropWidth(e) + 1);
        _y = _random.Next(e.Height - CropHeight(e) + 1);
    }

    public ReadOnlyPlane<byte> Input()
    {
        TrainingExample e = _set.Examples[_example];
        return e.Input.Slice(_x, _y, CropWidth(e), CropHeight(e));
    }

    public ReadOnlyPlane<int> Target()
    {
        TrainingExample e = _set.Examples[_example];
        return e.TargetPlane.Slice(_x, _y, CropWidth(e) - _set.Cols + 1, CropHeight(e) - _set.Rows + 1);
    }

    private int CropWidth(TrainingExample e) => Math.Min(CropSize, e.Width);

    private int CropHeight(TrainingExample e) => Math.Min(CropSize, e.Height);
}
