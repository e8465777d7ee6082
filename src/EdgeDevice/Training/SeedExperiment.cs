using System.Globalization;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace EdgeDevice.Training;

/// <summary>
/// The seed notes' "learning the kernel" experiment: X is a 6x8 image of ones whose columns
/// 2..5 are zero, Y = corr2d(X, [1, -1]), and a 1x2 kernel without bias learns K back by
/// gradient descent on the summed squared error. Every second iteration prints
/// <c>epoch {i}, loss {loss:F3}</c> (the loss of iteration i, before its update), and the
/// end prints <c>weights [{w0:F4}, {w1:F4}]</c>.
/// </summary>
public static class SeedExperiment
{
    public const int Width = 8;
    public const int Height = 6;

    public static IReadOnlyList<double> DefaultInit { get; } = [0.9, -0.2];

    public const double DefaultLearningRate = 0.03;

    public const int DefaultIterations = 10;

    /// <summary>X: ones, with columns 2..5 zero (the seed's picture of a dark vertical band).</summary>
    public static byte[] Input()
    {
        var x = new byte[Width * Height];
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++)
            {
                x[(r * Width) + c] = c is >= 2 and <= 5 ? (byte)0 : (byte)1;
            }
        }

        return x;
    }

    /// <summary>Y = corr2d(X, K) with the catalogue's edge-x kernel K = [1, -1], by the core itself.</summary>
    public static short[] Target()
    {
        FixedKernel k = KernelCatalogue.GetKernel("edge-x");
        var acc = new int[Height * (Width - 1)];
        Correlator.Correlate(new ReadOnlyPlane<byte>(Input(), Width, Height), k, new Plane<int>(acc, Width - 1, Height), CorrelationOptions.Valid);
        return Array.ConvertAll(acc, v => checked((short)v));
    }

    /// <summary>
    /// Runs the experiment and writes its lines to <paramref name="output"/> as they come.
    /// Stops early (without an update) when the trainer reports divergence.
    /// </summary>
    public static SeedResult Run(TrainerKind trainer, IReadOnlyList<double> init, double learningRate, int iterations, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(init);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var options = new KernelTrainerOptions
        {
            Rows = 1,
            Cols = 2,
            InitialWeights = init,
            LearningRate = LearningRateSchedule.Constant(learningRate),

            // The experiment runs a fixed number of iterations; only divergence may stop it.
            Stopping = new StoppingRule { StallPatience = 0 },
        };
        return trainer == TrainerKind.Float ? RunFloat(options, iterations, output) : RunFixed(options, iterations, output);
    }

    private static SeedResult RunFloat(KernelTrainerOptions options, int iterations, TextWriter output)
    {
        var trainer = new FloatKernelTrainer(options);
        double[] x = Array.ConvertAll(Input(), v => (double)v);
        double[] y = Array.ConvertAll(Target(), v => (double)v);
        var losses = new List<double>();
        while (trainer.Iteration < iterations)
        {
            double loss = trainer.Step(new ReadOnlyPlane<double>(x, Width, Height), new ReadOnlyPlane<double>(y, Width - 1, Height));
            losses.Add(loss);
            WriteEpoch(output, trainer.Iteration, loss);
            if (trainer.Status == TrainingStatus.Diverged)
            {
                break;
            }
        }

        return Finish(output, trainer.Status, trainer.Weights.ToArray(), losses);
    }

    private static SeedResult RunFixed(KernelTrainerOptions options, int iterations, TextWriter output)
    {
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, Width, Height);
        byte[] x = Input();
        short[] y = Target();
        var losses = new List<double>();
        while (trainer.Iteration < iterations)
        {
            double loss = trainer.Step(new ReadOnlyPlane<byte>(x, Width, Height), new ReadOnlyPlane<short>(y, Width - 1, Height)).ToDouble();
            losses.Add(loss);
            WriteEpoch(output, trainer.Iteration, loss);
            if (trainer.Status == TrainingStatus.Diverged)
            {
                break;
            }
        }

        return Finish(output, trainer.Status, trainer.CurrentWeights(), losses);
    }

    private static void WriteEpoch(TextWriter output, int iteration, double loss)
    {
        if (iteration % 2 == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {iteration}, loss {loss:F3}"));
        }
    }

    private static SeedResult Finish(TextWriter output, TrainingStatus status, double[] weights, List<double> losses)
    {
        if (status != TrainingStatus.Diverged)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"weights [{weights[0]:F4}, {weights[1]:F4}]"));
        }

        return new SeedResult(status, weights, losses);
    }
}
