using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;
using EdgeDevice.Actions;
using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.KernelFiles;
using EdgeDevice.Pipeline;
using EdgeDevice.Settings;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Training;

/// <summary>
/// On-device training, started and stopped by <see cref="DeviceAction.ToggleTraining"/> (the
/// t key, a button hold). The teacher is Training:Teacher or the active kernel; each frame's
/// working-size luma is one step for the student; the LEDs show the student's feature map
/// with a loss bar along the bottom row. It stops on the next toggle, on convergence, after
/// Training:MaxSeconds, or when the device stops (SIGTERM): the student as it stands is then
/// saved to the state folder as learned-TEACHER.json and becomes the active kernel.
/// </summary>
public sealed class DeviceTrainingMode
{
    /// <summary>A frame larger than this on an axis trains on a random crop of it (a native-size 4K frame stays quick).</summary>
    public const int MaxStepSize = 256;

    /// <summary>Frames in a row at or below the loss target that count as converged (one lucky flat frame does not).</summary>
    public const int ConvergedFrames = 10;

    private readonly TrainingOptions _options;
    private readonly string _stateDirectory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private FixedKernel? _teacher;
    private Filter? _before;
    private DeviceTrainingStep? _step;
    private short[] _shown = [];
    private long _started;
    private double _firstLoss;
    private int _belowTarget;

    public DeviceTrainingMode(TrainingOptions options, string stateDirectory, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        _options = options;
        _stateDirectory = stateDirectory;
        _logger = logger;
        _time = time;
    }

    public bool Active => _teacher is not null;

    /// <summary>Steps taken in the current (or last) session.</summary>
    public int Iterations => _step?.Trainer.Iteration ?? 0;

    /// <summary>The loss of the latest step (MSE, pixels as [0, 1)).</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>The file the last session saved, if any.</summary>
    public string? LastSavedPath { get; private set; }

    /// <summary>The state of the student as it stands (null before the first step).</summary>
    public FixedKernelTrainer? Trainer => _step?.Trainer;

    /// <summary>Starts a session, or stops the running one and saves it.</summary>
    public void Toggle(FramePipeline pipeline, KernelCycle kernels)
    {
        if (Active)
        {
            Stop(pipeline, kernels, "t pressed again");
        }
        else
        {
            Start(pipeline);
        }
    }

    /// <summary>One frame while active: show the student, step, draw the loss bar, stop when done.</summary>
    public LedFrame Process(LumaFrame frame, FramePipeline pipeline, KernelCycle kernels)
    {
        ArgumentNullException.ThrowIfNull(frame);
        LedFrame leds = pipeline.Process(frame);
        if (!Active)
        {
            return leds;
        }

        var luma = pipeline.WorkingLuma;
        _step ??= CreateStep(luma.Width, luma.Height);
        if (_step.CanUse(luma))
        {
            LastLoss = _step.Step(luma);
            if (_step.Trainer.Iteration == 1)
            {
                _firstLoss = LastLoss;
            }

            _belowTarget = LastLoss <= _options.LossTarget ? _belowTarget + 1 : 0;
            ShowStudent(pipeline);
        }

        LossBar.Draw(leds, LossBar.Progress(_firstLoss, LastLoss, _options.LossTarget));
        if (_step.Trainer.Status == TrainingStatus.Diverged)
        {
            Abandon(pipeline);
        }
        else if (_belowTarget >= ConvergedFrames)
        {
            Stop(pipeline, kernels, "converged");
        }
        else if (_time.GetElapsedTime(_started).TotalSeconds >= _options.MaxSeconds)
        {
            Stop(pipeline, kernels, $"Training:MaxSeconds ({_options.MaxSeconds} s) reached");
        }

        return leds;
    }

    /// <summary>Ends the session if one is running (the loop's stop path: SIGTERM, q, end of source).</summary>
    public void StopIfActive(FramePipeline pipeline, KernelCycle kernels)
    {
        if (Active)
        {
            Stop(pipeline, kernels, "the device is stopping");
        }
    }

    private void Start(FramePipeline pipeline)
    {
        FixedKernel teacher;
        try
        {
            teacher = ChooseTeacher(pipeline.Filter);
        }
        catch (UserInputException ex)
        {
            _logger.LogWarning("Training not started: {Message}", ex.Message);
            return;
        }

        _teacher = teacher;
        _before = pipeline.Filter;
        _step = null;
        _shown = [];
        _belowTarget = 0;
        _firstLoss = double.NaN;
        LastLoss = double.NaN;
        LastSavedPath = null;
        _started = _time.GetTimestamp();
        pipeline.Filter = new KernelFilter(FixedKernel.Create(StudentName, teacher.Rows, teacher.Cols, new short[teacher.TapCount]));
        _logger.LogInformation("Training {Student} from {Teacher} on the live frames; press t again to stop and keep it.", StudentName, teacher.Name);
    }

    private string StudentName => StudentFormat.StudentName(_teacher!.Name);

    private FixedKernel ChooseTeacher(Filter active)
    {
        Filter filter = string.IsNullOrWhiteSpace(_options.Teacher) ? active : KernelResolver.Resolve(_options.Teacher);
        switch (filter)
        {
            case KernelFilter k:
                return k.Kernel;
            case GradientMagnitudeFilter g:
                _logger.LogInformation("{Filter} is a gradient magnitude, not one kernel: the student learns its x kernel {Kernel} (set Training:Teacher to choose).", g.Name, g.X.Name);
                return g.X;
            default:
                throw new UserInputException($"{filter.Name} is not a single kernel.");
        }
    }

    private DeviceTrainingStep CreateStep(int width, int height)
    {
        // The steepest direction grows with the taps: scale the rate down for kernels above 3x3.
        double rate = _options.LearningRate * Math.Min(1, 9.0 / _teacher!.TapCount);
        return new DeviceTrainingStep(_teacher, Math.Min(width, MaxStepSize), Math.Min(height, MaxStepSize), rate, _options.LossTarget);
    }

    /// <summary>Shows the student's current int16 weights; builds a new kernel only when they changed.</summary>
    private void ShowStudent(FramePipeline pipeline)
    {
        ReadOnlySpan<short> weights = _step!.Trainer.ForwardWeights;
        if (weights.SequenceEqual(_shown))
        {
            return;
        }

        _shown = weights.ToArray();
        pipeline.Filter = new KernelFilter(_step.Trainer.ToKernel(StudentName));
    }

    private void Stop(FramePipeline pipeline, KernelCycle kernels, string reason)
    {
        DeviceTrainingStep? step = _step;
        string teacherName = _teacher!.Name;
        _teacher = null;
        if (step is null || step.Trainer.Iteration == 0)
        {
            pipeline.Filter = _before!;
            _logger.LogInformation("Training stopped ({Reason}) before its first step; nothing to save.", reason);
            return;
        }

        FixedKernel learned = step.Trainer.ToKernel(StudentFormat.StudentName(teacherName));
        string path = Path.Combine(_stateDirectory, learned.Name + ".json");
        try
        {
            KernelFile.Save(path, learned, new KernelProvenance(teacherName, step.Trainer.Iteration, LastLoss, _time.GetUtcNow()));
            LastSavedPath = path;
            _logger.LogInformation("Training stopped ({Reason}) after {Iterations} frames (loss {Loss:0.##e+0}); saved {Path}, now the active kernel.", reason, step.Trainer.Iteration, LastLoss, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("Training stopped ({Reason}), but {Path} could not be written: {Message}", reason, path, ex.Message);
        }

        pipeline.Filter = kernels.Add(new KernelFilter(learned));
    }

    private void Abandon(FramePipeline pipeline)
    {
        _logger.LogWarning(
            "Training diverged after {Iterations} frames: Training:LearningRate {Rate} is too large for these frames; nothing saved, back to {Kernel}.",
            _step!.Trainer.Iteration, _options.LearningRate, _before!.Name);
        _teacher = null;
        pipeline.Filter = _before;
    }
}
