using System.Diagnostics;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;

namespace EdgeDevice.Training;

/// <summary>
/// Teaches a student kernel from a <see cref="TrainingSet"/> with the fixed-point trainer:
/// each step sees a mini-batch of random crops. Both verdicts are taken on the loss over
/// every pixel of the set, never on one batch: a batch of flat crops can have a tiny loss
/// with a wrong kernel, so a batch at the target is only a hint to check the set, and
/// "not converging" means the set's loss has not improved by 1 % for
/// <see cref="FrameTrainingSettings.StallPatience"/> steps (a lucky batch would make the
/// best batch loss unbeatable).
/// </summary>
public sealed class FrameTrainingRun
{
    /// <summary>After a hint that the whole set did not confirm, wait this many steps before checking again.</summary>
    private const int RecheckEvery = 10;

    /// <summary>Steps between regular checks of the set's loss (for the stall verdict).</summary>
    private const int CheckEvery = 50;

    /// <summary>A check counts as progress when the set's loss is below (1 - this) x the best so far.</summary>
    private const double MinImprovement = 0.01;

    private readonly TrainingSet _set;
    private readonly FrameTrainingSettings _settings;

    public FrameTrainingRun(TrainingSet set, FrameTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        _set = set;
        _settings = settings;
        if (settings.MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxIterations, "MaxIterations must be at least 1.");
        }

        if (settings.BatchSize is < 1 or > FixedKernelTrainer.MaxBatchExamples)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.BatchSize, $"BatchSize must be between 1 and {FixedKernelTrainer.MaxBatchExamples}.");
        }

        Sampler = new CropSampler(set, settings.CropSize, settings.Seed);
        var options = new KernelTrainerOptions
        {
            Rows = set.Rows,
            Cols = set.Cols,
            InitialWeights = settings.InitialWeights,
            UseBias = settings.UseBias,
            Loss = LossKind.MeanSquaredError,
            LearningRate = settings.LearningRate,
            Momentum = settings.Momentum,
            // The stall verdict is this class's, on the set's loss (see above).
            Stopping = new StoppingRule { LossThreshold = settings.LossTarget, StallPatience = 0 },
        };
        var format = FixedTrainingFormat.UnitPixels with
        {
            TargetFractionBits = set.TargetFractionBits,
            WeightFractionBits = settings.WeightFractionBits,
        };
        Trainer = new FixedKernelTrainer(options, format, Sampler.MaxCropWidth, Sampler.MaxCropHeight);
        Evaluator = new SetLoss(set, format.WeightFractionBits);
    }

    public FixedKernelTrainer Trainer { get; }

    public CropSampler Sampler { get; }

    public SetLoss Evaluator { get; }

    /// <summary>Runs until converged, diverged, stalled, the iteration limit or cancellation.</summary>
    public FrameTrainingResult Run(string studentName, Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var curve = new LossCurve(_settings.MaxIterations);
        TrainingOutcome outcome = TrainingOutcome.IterationLimit;
        double setLoss = double.NaN;
        double best = double.PositiveInfinity;
        int bestAt = 0;
        int nextHintCheck = 0;
        while (Trainer.Iteration < _settings.MaxIterations)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                outcome = TrainingOutcome.Cancelled;
                break;
            }

            double rate = Trainer.LearningRate;
            double loss = Step();
            curve.Add(Trainer.Iteration, loss, rate);
            progress?.Invoke(new TrainingProgress(Trainer.Iteration, _settings.MaxIterations, loss, _settings.LossTarget, clock.Elapsed));
            if (Trainer.Status == TrainingStatus.Diverged)
            {
                outcome = TrainingOutcome.Diverged;
                break;
            }

            bool hint = Trainer.Status == TrainingStatus.Converged && Trainer.Iteration >= nextHintCheck;
            bool regular = Trainer.Iteration % CheckEvery == 0;
            if (!hint && !regular)
            {
                continue;
            }

            // The forward weights of the next step are the ones a saved kernel will hold.
            setLoss = Evaluator.MeanSquaredError(Trainer.ForwardWeights, Trainer.ForwardBias);
            if (setLoss <= _settings.LossTarget)
            {
                outcome = TrainingOutcome.Converged;
                break;
            }

            if (hint)
            {
                nextHintCheck = Trainer.Iteration + RecheckEvery;
            }

            if (setLoss < best * (1 - MinImprovement))
            {
                best = setLoss;
                bestAt = Trainer.Iteration;
            }
            else if (_settings.StallPatience > 0 && Trainer.Iteration - bestAt >= _settings.StallPatience)
            {
                outcome = TrainingOutcome.NotConverging;
                break;
            }
        }

        FixedKernel kernel = Trainer.ToKernel(studentName);
        if (outcome != TrainingOutcome.Converged)
        {
            setLoss = Evaluator.MeanSquaredError(Trainer.ForwardWeights, Trainer.ForwardBias);
        }

        return new FrameTrainingResult(outcome, kernel, Trainer.Iteration, Trainer.LossEstimate, setLoss, curve, clock.Elapsed);
    }

    /// <summary>One step: a batch of fresh crops, then the update. Allocates nothing.</summary>
    public double Step()
    {
        for (int b = 0; b < _settings.BatchSize; b++)
        {
            Sampler.Next();
            Trainer.Accumulate(Sampler.Input(), Sampler.Target());
        }

        return Trainer.Step().ToDouble();
    }
}
