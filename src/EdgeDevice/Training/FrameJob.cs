using System.Globalization;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;
using EdgeDevice.Cli;

namespace EdgeDevice.Training;

/// <summary>
/// A teacher or target `train` request turned into what the trainer needs: the training set,
/// the settings with their defaults, the student's name and a one-line description.
/// </summary>
public sealed record FrameJob(TrainingSet Set, FrameTrainingSettings Settings, string StudentName, string Description)
{
    public static FrameJob ForTeacher(TrainRequest r)
    {
        FixedKernel teacher = ResolveTeacher(r.Teacher!);
        if (r.Size is (int rows, int cols))
        {
            if (StudentFormat.WhyNotEmbeddable(teacher, rows, cols) is string why)
            {
                throw new UserInputException($"--size {rows}x{cols} does not fit: {why}.");
            }

            teacher = StudentFormat.Embed(teacher, rows, cols);
        }

        var images = TrainingImages.Load(r.Input);
        TrainingSet set;
        try
        {
            set = TrainingSet.FromTeacher(teacher, images);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"--input {ex.Message}", ex);
        }

        FrameTrainingSettings settings = SettingsFor(r, teacher.TapCount, StudentFormat.WeightFractionBitsFor(teacher));
        string name = StudentFormat.StudentName(teacher.Name);
        string source = r.Input is null || r.Input.Equals(TrainingImages.Samples, StringComparison.OrdinalIgnoreCase) ? "the bundled photographs" : r.Input;
        string description = string.Create(CultureInfo.InvariantCulture,
            $"teacher {teacher.Name} {teacher.Rows}x{teacher.Cols} -> student {name} (Q{16 - settings.WeightFractionBits}.{settings.WeightFractionBits}) on {set.Examples.Count} image(s) from {source}; {settings.BatchSize} random {settings.CropSize}x{settings.CropSize} crops per step, lr {Rate(settings.LearningRate)}, momentum {settings.Momentum}");
        return new FrameJob(set, settings, name, description);
    }

    public static FrameJob ForTarget(TrainRequest r)
    {
        var (example, rows, cols) = TargetPairLoader.Load(r.Input!, r.Target!, r.Size);
        TrainingSet set = TrainingSet.FromPair(example, rows, cols);
        FrameTrainingSettings settings = SettingsFor(r, rows * cols, StudentFormat.DefaultWeightFractionBits) with { UseBias = r.Bias };
        string name = StudentFormat.StudentName(Path.GetFileNameWithoutExtension(r.Target!));
        string inferred = r.Size is null ? " (size from the shapes)" : string.Empty;
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{example.Origin} ({example.Width}x{example.Height}) -> {Path.GetFileName(r.Target!)} ({example.TargetWidth}x{example.TargetHeight}): a {rows}x{cols} kernel{inferred}{(r.Bias ? " with bias" : string.Empty)} (Q{16 - settings.WeightFractionBits}.{settings.WeightFractionBits}); {settings.BatchSize} random {settings.CropSize}x{settings.CropSize} crops per step, lr {Rate(settings.LearningRate)}, momentum {settings.Momentum}");
        return new FrameJob(set, settings, name, description);
    }

    private static FrameTrainingSettings SettingsFor(TrainRequest r, int taps, int weightFractionBits)
    {
        var d = new FrameTrainingSettings();
        double lr = r.LearningRate ?? FrameTrainingSettings.DefaultLearningRateFor(taps);
        return d with
        {
            MaxIterations = r.Iterations ?? d.MaxIterations,
            LearningRate = r.LearningRateDecay is double factor
                ? LearningRateSchedule.StepDecay(lr, factor, r.LearningRateDecayEvery!.Value)
                : LearningRateSchedule.Constant(lr),
            Momentum = r.Momentum ?? d.Momentum,
            BatchSize = r.Batch ?? d.BatchSize,
            CropSize = r.Crop ?? d.CropSize,
            Seed = r.Seed ?? d.Seed,
            LossTarget = r.LossTarget ?? d.LossTarget,
            WeightFractionBits = weightFractionBits,
        };
    }

    private static FixedKernel ResolveTeacher(string name)
    {
        Filter filter = KernelResolver.Resolve(name);
        return filter switch
        {
            KernelFilter k => k.Kernel,
            GradientMagnitudeFilter g => throw new UserInputException(
                $"--teacher {name} is the gradient magnitude of {g.X.Name} and {g.Y.Name}, which no single kernel computes; teach {g.X.Name} or {g.Y.Name}."),
            _ => throw new UserInputException($"--teacher {name} is not a single kernel."),
        };
    }

    private static string Rate(LearningRateSchedule s) => s.DecayEvery > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{s.Initial} x {s.DecayFactor} every {s.DecayEvery} steps")
        : s.Initial.ToString(CultureInfo.InvariantCulture);
}
