using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace EdgeDevice.Training;

/// <summary>
/// The (X, Y) pairs a student learns from, all for one kernel shape, with the number of
/// fraction bits of their targets: pixels 0..255 stand for [0, 1), so a target with
/// 8 + F fraction bits is what a teacher with F fraction bits gives on the raw bytes.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(IReadOnlyList<TrainingExample> examples, int rows, int cols, int targetFractionBits, FixedKernel? teacher)
    {
        Examples = examples;
        Rows = rows;
        Cols = cols;
        TargetFractionBits = targetFractionBits;
        Teacher = teacher;
    }

    public IReadOnlyList<TrainingExample> Examples { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int TargetFractionBits { get; }

    /// <summary>The kernel that made the targets, when one did (null for a target file).</summary>
    public FixedKernel? Teacher { get; }

    /// <summary>The largest image, which bounds a crop.</summary>
    public int MaxWidth => Examples.Max(e => e.Width);

    public int MaxHeight => Examples.Max(e => e.Height);

    /// <summary>Y = teacher(X) + bias on each luma image, exactly (int32 accumulators, valid mode).</summary>
    public static TrainingSet FromTeacher(FixedKernel teacher, IEnumerable<(string Origin, byte[] Pixels, int Width, int Height)> images)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(images);
        var examples = new List<TrainingExample>();
        foreach (var (origin, pixels, width, height) in images)
        {
            if (width < teacher.Cols || height < teacher.Rows)
            {
                throw new ArgumentException($"{origin} is {width}x{height}, smaller than the {teacher.Rows}x{teacher.Cols} kernel.", nameof(images));
            }

            int ow = width - teacher.Cols + 1, oh = height - teacher.Rows + 1;
            var target = new int[ow * oh];
            Correlator.Correlate(new ReadOnlyPlane<byte>(pixels, width, height), teacher, new Plane<int>(target, ow, oh), CorrelationOptions.Valid);
            if (teacher.Bias != 0)
            {
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = checked(target[i] + teacher.Bias);
                }
            }

            examples.Add(new TrainingExample(origin, pixels, width, height, target, ow, oh));
        }

        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no images to learn from.", nameof(images));
        }

        return new TrainingSet(examples, teacher.Rows, teacher.Cols, 8 + teacher.FractionBits, teacher);
    }

    /// <summary>A single given pair; the target's integers are in raw output units (8 fraction bits as [0, 1) pixels).</summary>
    public static TrainingSet FromPair(TrainingExample example, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.TargetWidth != example.Width - cols + 1 || example.TargetHeight != example.Height - rows + 1)
        {
            throw new ArgumentException($"{example.Origin}: a {example.TargetWidth}x{example.TargetHeight} target does not fit a {example.Width}x{example.Height} input and a {rows}x{cols} kernel.", nameof(example));
        }

        return new TrainingSet([example], rows, cols, 8, null);
    }
}
