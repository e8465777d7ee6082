using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace EdgeDevice.Training;

/// <summary>
/// One live training step per frame: the teacher labels the frame's working-size luma
/// (exact int32 accumulators), and the fixed-point student takes one step on that pair.
/// A luma larger than the trainer was set up for contributes a random crop of that size.
/// Allocates nothing per step.
/// </summary>
public sealed class DeviceTrainingStep
{
    private readonly int[] _target;
    private readonly Random _crops;

    public DeviceTrainingStep(FixedKernel teacher, int maxWidth, int maxHeight, double learningRate, double lossTarget, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        if (maxWidth < teacher.Cols || maxHeight < teacher.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWidth), $"A {maxWidth}x{maxHeight} input is smaller than the {teacher.Rows}x{teacher.Cols} teacher.");
        }

        Teacher = teacher;
        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
        var options = new KernelTrainerOptions
        {
            Rows = teacher.Rows,
            Cols = teacher.Cols,
            Loss = LossKind.MeanSquaredError,
            LearningRate = LearningRateSchedule.Constant(learningRate),
            Momentum = 0.9,

            // Every frame is new: a stall is judged by the device's clock, not by the trainer.
            Stopping = new StoppingRule { LossThreshold = lossTarget, StallPatience = 0 },
        };
        var format = FixedTrainingFormat.UnitPixels with
        {
            TargetFractionBits = 8 + teacher.FractionBits,
            WeightFractionBits = StudentFormat.WeightFractionBitsFor(teacher),
        };
        Trainer = new FixedKernelTrainer(options, format, maxWidth, maxHeight);
        _target = new int[(maxWidth - teacher.Cols + 1) * (maxHeight - teacher.Rows + 1)];
        _crops = new Random(seed);
    }

    public FixedKernel Teacher { get; }

    public FixedKernelTrainer Trainer { get; }

    public int MaxWidth { get; }

    public int MaxHeight { get; }

    /// <summary>False when a frame is too small for the kernel (then it is skipped).</summary>
    public bool CanUse(ReadOnlyPlane<byte> luma) => luma.Width >= Teacher.Cols && luma.Height >= Teacher.Rows;

    /// <summary>Labels <paramref name="luma"/> with the teacher and takes one step; returns the loss (MSE, pixels as [0, 1)).</summary>
    public double Step(ReadOnlyPlane<byte> luma)
    {
        if (!CanUse(luma))
        {
            throw new ArgumentException($"A {luma.Width}x{luma.Height} frame is smaller than the {Teacher.Rows}x{Teacher.Cols} teacher.", nameof(luma));
        }

        int w = Math.Min(luma.Width, MaxWidth), h = Math.Min(luma.Height, MaxHeight);
        ReadOnlyPlane<byte> input = luma.Slice(_crops.Next(luma.Width - w + 1), _crops.Next(luma.Height - h + 1), w, h);
        int ow = w - Teacher.Cols + 1, oh = h - Teacher.Rows + 1;
        var target = new Plane<int>(_target.AsSpan(0, ow * oh), ow, oh);
        Correlator.Correlate(input, Teacher, target, CorrelationOptions.Valid);
        if (Teacher.Bias != 0)
        {
            Span<int> values = target.Data;
            for (int i = 0; i < values.Length; i++)
            {
                values[i] += Teacher.Bias;
            }
        }

        return Trainer.Step(input, target).ToDouble();
    }
}
