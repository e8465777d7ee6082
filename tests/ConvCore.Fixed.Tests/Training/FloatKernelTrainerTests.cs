using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>The float reference beyond the seed: its gradient, bias, mean loss, momentum and schedule.</summary>
public class FloatKernelTrainerTests
{
    private const int W = 7, H = 5;

    [Theory]
    [InlineData(LossKind.SummedSquaredError)]
    [InlineData(LossKind.MeanSquaredError)]
    public void EachUpdateIsTheLearningRateTimesTheFiniteDifferenceGradient(LossKind loss)
    {
        var rng = new Random(3);
        double[] x = Enumerable.Range(0, W * H).Select(_ => rng.NextDouble()).ToArray();
        double[] y = Enumerable.Range(0, (W - 1) * (H - 2)).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] w0 = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() - 0.5).ToArray();
        const double b0 = 0.25, lr = 0.01, h = 1e-4;

        var trainer = new FloatKernelTrainer(Options(w0, b0, lr, loss));
        Step(trainer, x, y);

        // The loss is quadratic, so a central difference is exact up to rounding.
        for (int i = 0; i <= w0.Length; i++)
        {
            double[] up = (double[])w0.Clone(), down = (double[])w0.Clone();
            double bUp = b0, bDown = b0;
            if (i < w0.Length)
            {
                up[i] += h;
                down[i] -= h;
            }
            else
            {
                bUp += h;
                bDown -= h;
            }

            double numeric = (Step(new FloatKernelTrainer(Options(up, bUp, lr, loss)), x, y) - Step(new FloatKernelTrainer(Options(down, bDown, lr, loss)), x, y)) / (2 * h);
            double after = i < w0.Length ? trainer.Weights[i] : trainer.Bias;
            double before = i < w0.Length ? w0[i] : b0;
            Assert.Equal(numeric, (before - after) / lr, 6);
        }
    }

    [Fact]
    public void TheMeanLossIsTheSummedLossOverThePixelCount()
    {
        var summed = SeedTrainers.Float(0.9, -0.2);
        var mean = new FloatKernelTrainer(SeedTrainers.Options(0.9, -0.2, 0.03) with { Loss = LossKind.MeanSquaredError });

        Assert.Equal(SeedTrainers.Step(summed) / 42, SeedTrainers.Step(mean), 12);
    }

    [Fact]
    public void MomentumIsTheHeavyBallUpdate()
    {
        // The seed loss has a closed-form gradient: per row the errors are (a + b) twice,
        // (a - 1) and (b + 1), so dL/da = 6 (4 (a + b) + 2 (a - 1)), dL/db = 6 (4 (a + b) + 2 (b + 1)).
        const double lr = 0.01, beta = 0.8;
        var trainer = new FloatKernelTrainer(SeedTrainers.Options(0.9, -0.2, lr) with { Momentum = beta });
        double a = 0.9, b = -0.2, va = 0, vb = 0;
        for (int i = 0; i < 15; i++)
        {
            SeedTrainers.Step(trainer);
            double ga = 6 * ((4 * (a + b)) + (2 * (a - 1))), gb = 6 * ((4 * (a + b)) + (2 * (b + 1)));
            va = (beta * va) + (lr * ga);
            vb = (beta * vb) + (lr * gb);
            a -= va;
            b -= vb;
            Assert.Equal(a, trainer.Weights[0], 10);
            Assert.Equal(b, trainer.Weights[1], 10);
        }
    }

    [Fact]
    public void ABiasIsLearnedWithTheKernel()
    {
        // Y + 0.5 needs K = [1, -1] and b = 0.5. The bias adds a column of ones to the
        // problem, and the stability limit drops from 1/30 to about 0.016.
        double[] y = SeedData.YDouble.Select(v => v + 0.5).ToArray();
        var options = SeedTrainers.Options(0.9, -0.2, 0.012) with { UseBias = true };
        var trainer = new FloatKernelTrainer(options);
        double loss = 0;
        for (int i = 0; i < 300; i++)
        {
            loss = trainer.Step(new ReadOnlyPlane<double>(SeedData.XDouble, 8, 6), new ReadOnlyPlane<double>(y, 7, 6));
        }

        Assert.True(loss < 1e-6, $"loss {loss}");
        Assert.Equal(0.5, trainer.Bias, 3);
        Assert.Equal(1.0, trainer.Weights[0], 3);
        Assert.Equal(-1.0, trainer.Weights[1], 3);
    }

    [Fact]
    public void AStepDecayMultipliesTheRateEveryNSteps()
    {
        var options = SeedTrainers.Options(0.9, -0.2, 0.03) with { LearningRate = LearningRateSchedule.StepDecay(0.03, 0.5, 2) };
        var trainer = new FloatKernelTrainer(options);
        var rates = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            rates.Add(trainer.LearningRate);
            SeedTrainers.Step(trainer);
        }

        Assert.Equal([0.03, 0.03, 0.015, 0.015, 0.0075], rates);
    }

    [Fact]
    public void AStepAllocatesNothing()
    {
        var trainer = SeedTrainers.Float(0.9, -0.2, 0.001);
        SeedTrainers.Step(trainer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            SeedTrainers.Step(trainer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static KernelTrainerOptions Options(double[] w, double b, double lr, LossKind loss) => new()
    {
        Rows = 3,
        Cols = 2,
        InitialWeights = w,
        UseBias = true,
        InitialBias = b,
        Loss = loss,
        LearningRate = LearningRateSchedule.Constant(lr),
    };

    private static double Step(FloatKernelTrainer t, double[] x, double[] y) =>
        t.Step(new ReadOnlyPlane<double>(x, W, H), new ReadOnlyPlane<double>(y, W - 1, H - 2));
}
