using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>The seed notes' "learning the kernel" experiment with the float reference trainer.</summary>
public class FloatSeedExperimentTests
{
    [Fact]
    public void TenIterationsFromPoint9MinusPoint2GiveTheNotesLossesAndWeights()
    {
        var trainer = SeedTrainers.Float(0.9, -0.2);
        var printed = new List<double>();
        for (int i = 1; i <= 10; i++)
        {
            double loss = SeedTrainers.Step(trainer);
            if (i % 2 == 0)
            {
                printed.Add(Math.Round(loss, 3));
            }
        }

        Assert.Equal([5.699, 2.094, 0.817, 0.328, 0.133], printed);
        Assert.Equal([1.0324, -0.9572], trainer.Weights.ToArray().Select(w => Math.Round(w, 4)));
        Assert.Equal(10, trainer.Iteration);
    }

    [Fact]
    public void TheFirstLossIsThatOfTheStartingKernel()
    {
        // Per row: errors (a + b) twice, (a - 1) once, (b + 1) once; six rows.
        double a = 0.9, b = -0.2;
        double expected = 6 * ((2 * (a + b) * (a + b)) + ((a - 1) * (a - 1)) + ((b + 1) * (b + 1)));

        double loss = SeedTrainers.Step(SeedTrainers.Float(a, b));

        Assert.Equal(expected, loss, 12);
    }

    [Fact]
    public void FortyIterationsBringTheLossBelowOneThousandth()
    {
        var trainer = SeedTrainers.Float(0.9, -0.2);
        double loss = double.NaN;
        for (int i = 0; i < 40; i++)
        {
            loss = SeedTrainers.Step(trainer);
        }

        Assert.True(loss < 0.001, $"loss after 40 iterations was {loss}");
        Assert.Equal(1.0, trainer.Weights[0], 3);
        Assert.Equal(-1.0, trainer.Weights[1], 3);
    }
}
