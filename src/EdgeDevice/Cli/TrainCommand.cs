using System.CommandLine;
using System.Globalization;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Training;
using EdgeDevice.KernelFiles;
using EdgeDevice.Training;

namespace EdgeDevice.Cli;

/// <summary>
/// `train`, three ways (INTERFACE.md):
/// <c>--experiment seed</c> reproduces the seed notes' 1x2 kernel experiment;
/// <c>--teacher NAME</c> teaches a student kernel the teacher's map on real photographs;
/// <c>--target Y</c> learns the kernel that turns one image into a given map.
/// Results go to stdout, progress to stderr (terminal only), and a run that diverges or
/// misses its loss target exits 3.
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var o = new TrainCommandOptions();
        var command = new Command("train", "Learn a kernel: the seed experiment, a teacher kernel on photographs, or a given (input, target) pair.");
        o.AddTo(command);
        command.SetAction((parse, ct) => Task.FromResult(Run(env, o.Read(parse), ct)));
        return command;
    }

    private static int Run(CliEnvironment env, TrainRequest request, CancellationToken ct) => request.Mode switch
    {
        TrainMode.Seed => RunSeed(env, request),
        _ => RunFrames(env, request, ct),
    };

    private static int RunSeed(CliEnvironment env, TrainRequest r)
    {
        double lr = r.LearningRate ?? SeedExperiment.DefaultLearningRate;
        SeedResult result = SeedExperiment.Run(r.Trainer, r.Init ?? SeedExperiment.DefaultInit, lr, r.Iterations ?? SeedExperiment.DefaultIterations, env.Out);
        if (result.Diverged)
        {
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"edgedevice: training diverged at iteration {result.Losses.Count} (loss {result.Losses[^1]:G4} and growing): --lr {lr} is too large for this data; try a smaller one."));
            return ExitCodes.TrainingFailed;
        }

        return ExitCodes.Success;
    }

    private static int RunFrames(CliEnvironment env, TrainRequest r, CancellationToken ct)
    {
        FrameJob job = r.Mode == TrainMode.Teacher ? FrameJob.ForTeacher(r) : FrameJob.ForTarget(r);
        TrainingOutputs outputs = TrainingOutputs.Resolve(job.StudentName, r.Out, r.Plot, env.GetEnvironmentVariable);
        env.Out.WriteLine(job.Description);

        var run = new FrameTrainingRun(job.Set, job.Settings);
        ProgressLine? line = env.ErrorIsTerminal ? new ProgressLine(env.Error, $"training {job.StudentName}") : null;
        FrameTrainingResult result;
        try
        {
            result = run.Run(job.StudentName, line is null ? null : line.Report, ct);
        }
        finally
        {
            line?.Clear();
        }

        result.Curve.SaveCsv(outputs.CsvPath);
        if (outputs.PlotPath is string plot)
        {
            new LossPlot(result.Curve, job.Settings.LossTarget, $"LOSS (MSE, LOG SCALE): {job.StudentName}").Save(plot);
        }

        if (result.Outcome != TrainingOutcome.Diverged)
        {
            KernelSideBySide.Write(env.Out, result.Kernel, job.Set.Teacher);
        }

        env.Out.WriteLine(Summary(result, job));
        if (result.Converged)
        {
            var provenance = new KernelProvenance(job.Set.Teacher?.Name, result.Iterations, result.SetLoss, env.Time.GetUtcNow());
            KernelFile.Save(outputs.KernelPath, result.Kernel, provenance);
            env.Out.WriteLine($"wrote {outputs.KernelPath}");
        }

        env.Out.WriteLine($"wrote {outputs.CsvPath}");
        if (outputs.PlotPath is not null)
        {
            env.Out.WriteLine($"wrote {outputs.PlotPath}");
        }

        if (!result.Converged)
        {
            env.Error.WriteLine($"edgedevice: {Failure(result, job)}");
            return ExitCodes.TrainingFailed;
        }

        return ExitCodes.Success;
    }

    private static string Summary(FrameTrainingResult result, FrameJob job)
    {
        string verdict = result.Outcome switch
        {
            TrainingOutcome.Converged => "converged",
            TrainingOutcome.Diverged => "diverged",
            TrainingOutcome.NotConverging => "stopped improving",
            TrainingOutcome.Cancelled => "stopped",
            _ => "reached the iteration limit",
        };
        string error = job.Set.Teacher is FixedKernel teacher && result.Outcome != TrainingOutcome.Diverged
            ? string.Create(CultureInfo.InvariantCulture, $", max weight error {StudentFormat.MaxWeightError(result.Kernel, teacher):F4}")
            : string.Empty;
        string bias = job.Settings.UseBias
            ? string.Create(CultureInfo.InvariantCulture, $", bias {result.Kernel.Bias / Math.ScaleB(1.0, result.Kernel.FractionBits):F4} (output units)")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{verdict} after {result.Iterations} iterations in {result.Elapsed.TotalSeconds:F1} s: loss {result.SetLoss:0.##e+0} over every pixel (target {job.Settings.LossTarget:0.##e+0}){error}{bias}");
    }

    private static string Failure(FrameTrainingResult result, FrameJob job) => result.Outcome switch
    {
        TrainingOutcome.Diverged => string.Create(CultureInfo.InvariantCulture,
            $"training {job.StudentName} diverged at iteration {result.Iterations}: the learning rate {job.Settings.LearningRate.Initial} is too large for these images; try a smaller --lr. No kernel was saved."),
        TrainingOutcome.NotConverging => string.Create(CultureInfo.InvariantCulture,
            $"training {job.StudentName} is not converging: its loss over every pixel has not improved by 1 % in {job.Settings.StallPatience} iterations and is {result.SetLoss:0.##e+0}, above the target {job.Settings.LossTarget:0.##e+0}. No kernel was saved."),
        TrainingOutcome.Cancelled => $"training {job.StudentName} was stopped at iteration {result.Iterations} before reaching its target. No kernel was saved.",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"training {job.StudentName} did not reach the loss target {job.Settings.LossTarget:0.##e+0} in {result.Iterations} iterations (loss {result.SetLoss:0.##e+0}); try more --iterations or a larger --lr. No kernel was saved."),
    };
}
