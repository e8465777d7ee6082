using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>The seed experiment with the fixed-point trainer, held against the float reference.</summary>
public class FixedSeedExperimentTests
{
    [Theory]
    [InlineData(0.9, -0.2)]
    [InlineData(0.0, 0.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.5, -0.7)]
    [InlineData(2.0, -3.0)]
    [InlineData(-2.5, -1.5)]
    public void FollowsTheFloatTrainerWithinOneHundredthInEveryWeightAtEveryIteration(double w0, double w1)
    {
        var reference = SeedTrainers.Float(w0, w1);
        var trainer = SeedTrainers.Fixed(w0, w1);
        for (int i = 1; i <= 40; i++)
        {
            SeedTrainers.Step(reference);
            SeedTrainers.Step(trainer);
            double[] w = trainer.CurrentWeights();
            for (int k = 0; k < 2; k++)
            {
                Assert.True(Math.Abs(w[k] - reference.Weights[k]) <= 0.01, $"iteration {i}, weight {k}: fixed {w[k]} vs float {reference.Weights[k]}");
                Assert.True(Math.Abs((trainer.ForwardWeights[k] / 4096.0) - reference.Weights[k]) <= 0.01, $"iteration {i}, forward weight {k}");
            }
        }
    }

    [Fact]
    public void ItsLossesAtTheEvenIterationsAreWithinFiveThousandthsOfTheReference()
    {
        var reference = SeedTrainers.Float(0.9, -0.2);
        var trainer = SeedTrainers.Fixed(0.9, -0.2);
        for (int i = 1; i <= 10; i++)
        {
            double expected = SeedTrainers.Step(reference);
            double actual = SeedTrainers.Step(trainer).ToDouble();
            Assert.True(Math.Abs(actual - expected) <= 0.005, $"iteration {i}: fixed loss {actual} vs float {expected}");
        }
    }

    [Fact]
    public void FortyIterationsBringBothTrainersBelowOneThousandth()
    {
        var reference = SeedTrainers.Float(0.9, -0.2);
        var trainer = SeedTrainers.Fixed(0.9, -0.2);
        double floatLoss = 0, fixedLoss = 0;
        for (int i = 0; i < 40; i++)
        {
            floatLoss = SeedTrainers.Step(reference);
            fixedLoss = SeedTrainers.Step(trainer).ToDouble();
        }

        Assert.True(floatLoss < 0.001, $"float loss {floatLoss}");
        Assert.True(fixedLoss < 0.001, $"fixed loss {fixedLoss}");
        Assert.Equal(fixedLoss, trainer.LossEstimate);
        Assert.NotEqual(TrainingStatus.Diverged, trainer.Status);
    }

    [Fact]
    public void TheExportedKernelRunThroughTheCorrelatorReproducesY()
    {
        var trainer = SeedTrainers.Fixed(0.9, -0.2);
        for (int i = 0; i < 40; i++)
        {
            SeedTrainers.Step(trainer);
        }

        var kernel = trainer.ToKernel("learned-edge");
        var y = new short[SeedData.YInt16.Length];
        Correlator.Correlate(
            new ReadOnlyPlane<byte>(SeedData.X, SeedData.Width, SeedData.Height), kernel,
            new Plane<short>(y, SeedData.OutWidth, SeedData.Height), Requantizer.ForKernel(kernel.FractionBits), CorrelationOptions.Valid);

        Assert.Equal("learned-edge", kernel.Name);
        Assert.Equal((1, 2, 12, 0), (kernel.Rows, kernel.Cols, kernel.FractionBits, kernel.Bias));
        Assert.Equal(trainer.ForwardWeights.ToArray(), kernel.Weights.ToArray());
        Assert.Equal(SeedData.YInt16, y);
    }

    [Fact]
    public void TheLossIsExactlyThatOfTheForwardWeightsRunThroughTheCorrelator()
    {
        var trainer = SeedTrainers.Fixed(0.9, -0.2);
        SeedTrainers.Step(trainer);
        SeedTrainers.Step(trainer);
        var acc = new int[SeedData.YInt16.Length];
        Correlator.Correlate(new ReadOnlyPlane<byte>(SeedData.X, SeedData.Width, SeedData.Height), trainer.ToKernel("k"), new Plane<int>(acc, SeedData.OutWidth, SeedData.Height), CorrelationOptions.Valid);
        Int128 expected = 0;
        for (int i = 0; i < acc.Length; i++)
        {
            // Integer pixels and targets: the error format has the weights' 12 fraction bits.
            Int128 e = acc[i] - (SeedData.YInt16[i] * 4096L);
            expected += e * e;
        }

        FixedLoss loss = SeedTrainers.Step(trainer);

        Assert.Equal(new FixedLoss(expected, 24), loss);
    }
}
