namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// Seeded random cases of any shape up to 7x7, width 1..70, height 1..9, odd strides, all
/// modes, kernels, biases and requantisers: the vector paths equal the scalar twin.
/// </summary>
public class RandomTwinTests
{
    [Theory]
    [InlineData(20260101)]
    [InlineData(7)]
    [InlineData(424242)]
    public void RandomCasesMatchTheScalarTwin(int seed)
    {
        var generator = new TwinCaseGenerator(seed);
        var runner = new TwinRunner();
        for (int i = 0; i < 400; i++)
        {
            runner.AssertTwinsAgree(generator.NextAnyShape(maxWidth: 70, maxHeight: 9));
        }

        TwinCoverage.AssertVectorPathsRan(runner);
    }
}
