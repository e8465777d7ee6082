using System.CommandLine;
using System.Globalization;
using EdgeDevice.Training;

namespace EdgeDevice.Cli;

/// <summary>
/// The `train` options and their checks. Each form accepts only its own options: a stray
/// one (say --teacher with --experiment seed) is an error, not silently ignored.
/// </summary>
public sealed class TrainCommandOptions
{
    public Option<string?> Experiment { get; } = new("--experiment") { Description = "seed: the seed notes' 1x2 kernel experiment." };

    public Option<string?> Init { get; } = new("--init") { Description = "Seed experiment starting weights W0,W1 (default 0.9,-0.2). Negative first value: --init=-1,0.5 or --init -1,0.5." };

    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Learning rate (seed: 0.03; frames: 0.4 up to 3x3, 3.6 / taps above)." };

    public Option<int?> Iterations { get; } = new("--iterations") { Description = "Steps (seed: exactly this many, default 10; frames: at most, default 4000)." };

    public Option<string?> Trainer { get; } = new("--trainer") { Description = "fixed (default) or float (the reference; seed experiment only)." };

    public Option<string?> Input { get; } = new("--input") { Description = "Images to learn on: a file, folder or pattern, or 'samples' (the bundled photographs, the default with --teacher). With --target: the one input image (or a uint8 .npy)." };

    public Option<string?> Teacher { get; } = new("--teacher") { Description = "The kernel the student learns to imitate: a catalogue name or a kernel file." };

    public Option<string?> Target { get; } = new("--target") { Description = "The map the kernel should produce from --input: an int16 or uint8 .npy, or an image (no negative values)." };

    public Option<string?> Size { get; } = new("--size") { Description = "Student size RxC, rows x columns (default: the teacher's, or inferred from the target's shape)." };

    public Option<bool> Bias { get; } = new("--bias") { Description = "With --target: learn a bias as well." };

    public Option<string?> Out { get; } = new("--out") { Description = "Where to save the learned kernel (.json); default: learned-NAME.json in the state folder. The loss curve CSV goes beside it." };

    public Option<string?> Plot { get; } = new("--plot") { Description = "Also draw the loss curve into this PNG." };

    public Option<int?> Batch { get; } = new("--batch") { Description = "Random crops per step (default 4)." };

    public Option<double?> Momentum { get; } = new("--momentum") { Description = "Heavy-ball momentum in [0, 1) (default 0.9)." };

    public Option<double?> LearningRateDecay { get; } = new("--lr-decay") { Description = "Step decay: multiply the rate by this factor in (0, 1] ..." };

    public Option<int?> LearningRateDecayEvery { get; } = new("--lr-decay-every") { Description = "... every this many steps (default: constant rate)." };

    public Option<double?> LossTarget { get; } = new("--loss-target") { Description = "Stop when the mean squared error over every pixel (pixels as [0, 1)) is at most this (default 2e-7)." };

    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of the random crops (default 1): the same seed gives the same run." };

    public Option<int?> Crop { get; } = new("--crop") { Description = "Side of the square random crops in pixels (default 64)." };

    private IEnumerable<Option> All =>
    [
        Experiment, Init, LearningRate, Iterations, Trainer, Input, Teacher, Target, Size, Bias, Out, Plot,
        Batch, Momentum, LearningRateDecay, LearningRateDecayEvery, LossTarget, Seed, Crop,
    ];

    public void AddTo(Command command)
    {
        foreach (Option option in All)
        {
            command.Options.Add(option);
        }
    }

    public TrainRequest Read(ParseResult parse)
    {
        TrainMode mode = ModeOf(parse);
        CheckOnlyOwnOptions(parse, mode);
        var request = new TrainRequest
        {
            Mode = mode,
            Trainer = ParseTrainer(parse.GetValue(Trainer)),
            Init = parse.GetValue(Init) is string init ? ParseInit(init) : null,
            LearningRate = Positive(parse.GetValue(LearningRate), "--lr", ConvCore.Fixed.Training.LearningRateSchedule.MaxRate),
            Iterations = InRange(parse.GetValue(Iterations), "--iterations", 1, 10_000_000),
            Input = parse.GetValue(Input),
            Teacher = parse.GetValue(Teacher),
            Target = parse.GetValue(Target),
            Size = parse.GetValue(Size) is string size ? ParseKernelSize(size) : null,
            Bias = parse.GetValue(Bias),
            Out = parse.GetValue(Out),
            Plot = parse.GetValue(Plot),
            Batch = InRange(parse.GetValue(Batch), "--batch", 1, 4096),
            Momentum = parse.GetValue(Momentum),
            LearningRateDecay = parse.GetValue(LearningRateDecay),
            LearningRateDecayEvery = InRange(parse.GetValue(LearningRateDecayEvery), "--lr-decay-every", 1, int.MaxValue),
            LossTarget = parse.GetValue(LossTarget),
            Seed = parse.GetValue(Seed),
            Crop = InRange(parse.GetValue(Crop), "--crop", 1, 1024),
        };
        if (request.Momentum is double m && !(m >= 0 && m < 1))
        {
            throw new UserInputException($"--momentum {Format(m)} must be at least 0 and below 1.");
        }

        if (request.LearningRateDecay is double d && !(d > 0 && d <= 1))
        {
            throw new UserInputException($"--lr-decay {Format(d)} must be above 0 and at most 1.");
        }

        if (request.LossTarget is double t && !(t >= 0 && double.IsFinite(t)))
        {
            throw new UserInputException($"--loss-target {Format(t)} must be zero or a positive number.");
        }

        if (mode != TrainMode.Seed && request.Trainer == TrainerKind.Float)
        {
            throw new UserInputException("--trainer float is the reference for --experiment seed only; frames are learned with the fixed-point trainer.");
        }

        return request;
    }

    /// <summary>Parses W0,W1: exactly two finite numbers (invariant culture, so "0.5" everywhere).</summary>
    public static IReadOnlyList<double> ParseInit(string text)
    {
        string[] parts = text.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UserInputException($"--init '{text}' is not two numbers W0,W1 (e.g. --init=-1,0.5).");
            }
        }

        if (values.Length != 2)
        {
            throw new UserInputException($"--init '{text}' has {values.Length} values; the seed kernel is 1x2, so give W0,W1.");
        }

        return values;
    }

    /// <summary>Parses RxC (rows x columns), each 1..64.</summary>
    public static (int Rows, int Cols) ParseKernelSize(string text)
    {
        string[] parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int cols)
            && rows is >= 1 and <= 64 && cols is >= 1 and <= 64 && rows * cols <= ConvCore.Fixed.Kernels.FixedKernel.MaxTaps8Bit)
        {
            return (rows, cols);
        }

        throw new UserInputException($"--size '{text}' is not a kernel size RxC (rows x columns, each 1 to 64, at most {ConvCore.Fixed.Kernels.FixedKernel.MaxTaps8Bit} taps; e.g. 3x3).");
    }

    private TrainMode ModeOf(ParseResult parse)
    {
        bool experiment = Given(parse, Experiment), teacher = Given(parse, Teacher), target = Given(parse, Target);
        if ((experiment ? 1 : 0) + (teacher ? 1 : 0) + (target ? 1 : 0) > 1)
        {
            throw new UserInputException("train takes one of --experiment, --teacher and --target, not several.");
        }

        if (experiment)
        {
            string e = parse.GetValue(Experiment)!;
            return e == "seed"
                ? TrainMode.Seed
                : throw new UserInputException($"--experiment '{e}' is not known; the experiment is 'seed'.");
        }

        if (teacher)
        {
            return TrainMode.Teacher;
        }

        if (target)
        {
            return Given(parse, Input)
                ? TrainMode.Target
                : throw new UserInputException("--target needs --input: the image the target map was made from.");
        }

        throw new UserInputException("train needs --experiment seed, --teacher NAME or --input X --target Y (see 'edgedevice train --help').");
    }

    private void CheckOnlyOwnOptions(ParseResult parse, TrainMode mode)
    {
        Option[] own = mode switch
        {
            TrainMode.Seed => [Experiment, Init, LearningRate, Iterations, Trainer],
            TrainMode.Teacher => [Teacher, Input, Size, Iterations, LearningRate, Out, Plot, Trainer, Batch, Momentum, LearningRateDecay, LearningRateDecayEvery, LossTarget, Seed, Crop],
            _ => [Target, Input, Size, Bias, Iterations, LearningRate, Out, Plot, Trainer, Batch, Momentum, LearningRateDecay, LearningRateDecayEvery, LossTarget, Seed, Crop],
        };
        string form = mode switch
        {
            TrainMode.Seed => "--experiment seed",
            TrainMode.Teacher => "--teacher",
            _ => "--target",
        };
        foreach (Option option in All)
        {
            if (Given(parse, option) && !own.Contains(option))
            {
                throw new UserInputException($"{option.Name} does not apply to train {form}.");
            }
        }

        if (Given(parse, LearningRateDecayEvery) != Given(parse, LearningRateDecay))
        {
            throw new UserInputException("--lr-decay and --lr-decay-every go together: the factor and how many steps apart it applies.");
        }
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static TrainerKind ParseTrainer(string? text) => text switch
    {
        null or "fixed" => TrainerKind.Fixed,
        "float" => TrainerKind.Float,
        _ => throw new UserInputException($"--trainer '{text}' is not one of fixed, float."),
    };

    private static double? Positive(double? value, string option, double max) =>
        value is double v && !(double.IsFinite(v) && v > 0 && v <= max)
            ? throw new UserInputException($"--{option.TrimStart('-')} {Format(v)} must be a positive number of at most {Format(max)}.")
            : value;

    private static int? InRange(int? value, string option, int min, int max) =>
        value is int v && (v < min || v > max)
            ? throw new UserInputException($"{option} {v} must be between {min} and {max}.")
            : value;

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
