using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>
/// The seed loss is quadratic: L(K) = |A K - Y|^2 with Hessian H = 2 A^T A, where each row of
/// A is a window (X[y, x], X[y, x + 1]). Gradient descent is stable only for lr &lt; 2 / lambda_max(H).
/// </summary>
public class SeedStabilityTests
{
    [Fact]
    public void TheStabilityLimitIsOneThirtieth()
    {
        Assert.Equal(1.0 / 30, StabilityLimit(), 12);
    }

    [Fact]
    public void JustBelowTheLimitBothTrainersConverge()
    {
        double lr = 0.97 * StabilityLimit();
        var reference = SeedTrainers.Float(0.9, -0.2, lr);
        var trainer = SeedTrainers.Fixed(0.9, -0.2, lr);
        double floatLoss = 0, fixedLoss = 0;
        for (int i = 0; i < 300; i++)
        {
            floatLoss = SeedTrainers.Step(reference);
            fixedLoss = SeedTrainers.Step(trainer).ToDouble();
        }

        Assert.True(floatLoss < 1e-3, $"float loss {floatLoss}");
        Assert.True(fixedLoss < 1e-3, $"fixed loss {fixedLoss}");
        Assert.NotEqual(TrainingStatus.Diverged, reference.Status);
        Assert.NotEqual(TrainingStatus.Diverged, trainer.Status);
    }

    [Fact]
    public void JustAboveTheLimitBothTrainersReportDivergence()
    {
        double lr = 1.03 * StabilityLimit();
        Assert.Equal(TrainingStatus.Diverged, RunFloat(SeedTrainers.Float(0.9, -0.2, lr), 300));
        Assert.Equal(TrainingStatus.Diverged, RunFixed(SeedTrainers.Fixed(0.9, -0.2, lr), 300));
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(0.1)]
    public void AnUnstableRateIsReportedAsDivergedWithinTenIterationsWithoutGarbage(double lr)
    {
        var trainer = SeedTrainers.Fixed(0.9, -0.2, lr);
        var losses = new List<double>();
        while (trainer.Status != TrainingStatus.Diverged && trainer.Iteration < 10)
        {
            losses.Add(SeedTrainers.Step(trainer).ToDouble());
        }

        Assert.Equal(TrainingStatus.Diverged, trainer.Status);
        Assert.All(losses, l => Assert.True(double.IsFinite(l) && l >= 0, $"loss {l}"));
        Assert.All(trainer.CurrentWeights(), w => Assert.True(Math.Abs(w) <= trainer.Format.MaxWeight, $"weight {w}"));
        for (int k = 0; k < 2; k++)
        {
            // The forward weights are still the masters rounded: nothing wrapped.
            Assert.Equal(Math.Round(trainer.CurrentWeights()[k] * 4096, MidpointRounding.ToEven), trainer.ForwardWeights[k]);
        }

        Assert.Throws<InvalidOperationException>(() => SeedTrainers.Step(trainer));
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(0.1)]
    public void TheFloatTrainerReportsTheSameRatesAsDivergedAndKeepsFiniteWeights(double lr)
    {
        var reference = SeedTrainers.Float(0.9, -0.2, lr);

        Assert.Equal(TrainingStatus.Diverged, RunFloat(reference, 10));
        Assert.All(reference.Weights.ToArray(), w => Assert.True(double.IsFinite(w)));
        Assert.Throws<InvalidOperationException>(() => SeedTrainers.Step(reference));
    }

    [Fact]
    public void FromASymmetricStartTheUnstableModeIsNeverExcited()
    {
        // K0 = 0 lies on the slow eigenvector (1, -1) (eigenvalue 12), so lr 0.04 < 2/12
        // converges: the limit binds only when the fast mode (1, 1) is excited.
        var trainer = SeedTrainers.Fixed(0, 0, 0.04);
        double loss = 0;
        for (int i = 0; i < 40; i++)
        {
            loss = SeedTrainers.Step(trainer).ToDouble();
        }

        Assert.True(loss < 1e-3, $"loss {loss}");
        Assert.NotEqual(TrainingStatus.Diverged, trainer.Status);
    }

    /// <summary>2 / lambda_max of H = 2 sum(p p^T) over the seed image's 1x2 windows.</summary>
    private static double StabilityLimit()
    {
        double a = 0, b = 0, d = 0;
        for (int r = 0; r < SeedData.Height; r++)
        {
            for (int c = 0; c < SeedData.OutWidth; c++)
            {
                double p0 = SeedData.X[(r * SeedData.Width) + c], p1 = SeedData.X[(r * SeedData.Width) + c + 1];
                a += 2 * p0 * p0;
                b += 2 * p0 * p1;
                d += 2 * p1 * p1;
            }
        }

        double lambdaMax = ((a + d) / 2) + Math.Sqrt((((a - d) / 2) * ((a - d) / 2)) + (b * b));
        return 2 / lambdaMax;
    }

    private static TrainingStatus RunFloat(FloatKernelTrainer t, int steps)
    {
        while (t.Status != TrainingStatus.Diverged && t.Iteration < steps)
        {
            SeedTrainers.Step(t);
        }

        return t.Status;
    }

    private static TrainingStatus RunFixed(FixedKernelTrainer t, int steps)
    {
        while (t.Status != TrainingStatus.Diverged && t.Iteration < steps)
        {
            SeedTrainers.Step(t);
        }

        return t.Status;
    }
}
