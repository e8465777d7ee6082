using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>The fixed-point trainer beyond the seed's defaults: bias, mean loss, momentum, rounding, allocation.</summary>
public class FixedKernelTrainerTests
{
    [Fact]
    public void WithABiasItFollowsTheFloatTrainerAndExportsTheBiasInAccumulatorUnits()
    {
        // Targets Y + 0.5 as integers with 1 fraction bit: 2Y + 1.
        short[] y2 = SeedData.YInt16.Select(v => (short)((2 * v) + 1)).ToArray();
        double[] y = SeedData.YDouble.Select(v => v + 0.5).ToArray();
        var options = SeedTrainers.Options(0.9, -0.2, 0.012) with { UseBias = true };
        var reference = new FloatKernelTrainer(options);
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels with { TargetFractionBits = 1 }, 8, 6);
        for (int i = 1; i <= 300; i++)
        {
            reference.Step(new ReadOnlyPlane<double>(SeedData.XDouble, 8, 6), new ReadOnlyPlane<double>(y, 7, 6));
            trainer.Step(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(y2, 7, 6));
            Assert.True(Math.Abs(trainer.CurrentBias() - reference.Bias) <= 0.01, $"iteration {i}: bias {trainer.CurrentBias()} vs {reference.Bias}");
        }

        Assert.Equal(0.5, trainer.CurrentBias(), 3);
        var kernel = trainer.ToKernel("edge-plus-half");
        Assert.Equal(2048, kernel.Bias); // 0.5 x 2^(12 weight + 0 input fraction bits)
        Assert.Equal(kernel.Bias, trainer.ForwardBias);
    }

    [Fact]
    public void WithTheMeanLossItFollowsTheFloatTrainer()
    {
        var options = SeedTrainers.Options(0.9, -0.2, 1.0) with { Loss = LossKind.MeanSquaredError };
        AssertFollows(new FloatKernelTrainer(options), new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6), 40);
    }

    [Fact]
    public void WithMomentumItFollowsTheFloatTrainer()
    {
        var options = SeedTrainers.Options(-0.5, 0.7, 0.01) with { Momentum = 0.6 };
        AssertFollows(new FloatKernelTrainer(options), new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6), 60);
    }

    [Fact]
    public void StochasticRoundingReproducesItsTraceFromTheSameSeedAndDiffersWithAnother()
    {
        FixedKernelTrainer Make(ulong seed) => SeedTrainers.Fixed(0.9, -0.2, 0.03, FixedTrainingFormat.IntegerPixels with { Rounding = UpdateRounding.Stochastic, StochasticSeed = seed });
        var a = Make(11);
        var b = Make(11);
        var c = Make(12);
        var reference = SeedTrainers.Float(0.9, -0.2);
        bool differs = false;
        for (int i = 0; i < 40; i++)
        {
            SeedTrainers.Step(a);
            SeedTrainers.Step(b);
            SeedTrainers.Step(c);
            SeedTrainers.Step(reference);
            Assert.Equal(a.MasterWeights.ToArray(), b.MasterWeights.ToArray());
            differs |= !a.MasterWeights.SequenceEqual(c.MasterWeights);
            Assert.True(Math.Abs(a.CurrentWeights()[0] - reference.Weights[0]) <= 0.01, $"iteration {i}");
        }

        Assert.True(differs, "a different seed should round at least one update differently");
        Assert.True(a.LossEstimate < 0.001, $"loss {a.LossEstimate}");
    }

    [Fact]
    public void HalfEvenRoundingIsDeterministic()
    {
        var a = SeedTrainers.Fixed(0.3, 0.4);
        var b = SeedTrainers.Fixed(0.3, 0.4);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(SeedTrainers.Step(a), SeedTrainers.Step(b));
            Assert.Equal(a.MasterWeights.ToArray(), b.MasterWeights.ToArray());
        }
    }

    [Fact]
    public void Int32TargetsTrainExactlyLikeInt16Targets()
    {
        int[] y32 = SeedData.YInt16.Select(v => (int)v).ToArray();
        var a = SeedTrainers.Fixed(0.9, -0.2);
        var b = SeedTrainers.Fixed(0.9, -0.2);
        for (int i = 0; i < 10; i++)
        {
            FixedLoss expected = SeedTrainers.Step(a);
            FixedLoss actual = b.Step(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<int>(y32, 7, 6));
            Assert.Equal(expected, actual);
        }

        Assert.Equal(a.ForwardWeights.ToArray(), b.ForwardWeights.ToArray());
    }

    [Fact]
    public void ABatchOfTwoCopiesStepsLikeOneCopyWithTheMeanLoss()
    {
        var options = SeedTrainers.Options(0.9, -0.2, 1.0) with { Loss = LossKind.MeanSquaredError };
        var single = new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6);
        var batch = new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6);
        for (int i = 0; i < 10; i++)
        {
            FixedLoss one = SeedTrainers.Step(single);
            batch.Accumulate(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(SeedData.YInt16, 7, 6));
            batch.Accumulate(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(SeedData.YInt16, 7, 6));
            Assert.Equal(one, batch.Step());
            Assert.Equal(single.MasterWeights.ToArray(), batch.MasterWeights.ToArray());
        }
    }

    [Fact]
    public void TheStepDecayScheduleIsFollowedInFixedPoint()
    {
        var options = SeedTrainers.Options(0.9, -0.2, 0.03) with { LearningRate = LearningRateSchedule.StepDecay(0.03, 0.5, 2) };
        var trainer = new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6);
        var rates = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            rates.Add(trainer.LearningRate);
            SeedTrainers.Step(trainer);
        }

        double[] expected = [0.03, 0.03, 0.015, 0.015, 0.0075];
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], rates[i], 10);
        }
    }

    [Fact]
    public void StepAllocatesNothingAfterSetUp()
    {
        var trainer = SeedTrainers.Fixed(0.9, -0.2, 0.001, FixedTrainingFormat.IntegerPixels with { Rounding = UpdateRounding.Stochastic });
        var batched = new FixedKernelTrainer(
            SeedTrainers.Options(0.9, -0.2, 0.001) with { UseBias = true, Momentum = 0.5, Loss = LossKind.MeanSquaredError },
            FixedTrainingFormat.IntegerPixels, 8, 6);
        SeedTrainers.Step(trainer);
        SeedTrainers.Step(batched);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            SeedTrainers.Step(trainer);
            batched.Accumulate(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(SeedData.YInt16, 7, 6));
            batched.Accumulate(new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(SeedData.YInt16, 7, 6));
            batched.Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(201, trainer.Iteration);
    }

    private static void AssertFollows(FloatKernelTrainer reference, FixedKernelTrainer trainer, int steps)
    {
        for (int i = 1; i <= steps; i++)
        {
            SeedTrainers.Step(reference);
            SeedTrainers.Step(trainer);
            double[] w = trainer.CurrentWeights();
            for (int k = 0; k < w.Length; k++)
            {
                Assert.True(Math.Abs(w[k] - reference.Weights[k]) <= 0.01, $"iteration {i}, weight {k}: fixed {w[k]} vs float {reference.Weights[k]}");
            }
        }

        Assert.NotEqual(TrainingStatus.Diverged, trainer.Status);
    }
}
