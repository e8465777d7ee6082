using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// Every width from 1 to 70 (below, at and across the 16- and 32-pixel vector blocks, so
/// every tail length occurs), every border mode, for each hot kernel shape: the vector paths
/// equal the scalar specification bit for bit on all three output types.
/// </summary>
public class WidthSweepTwinTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(7, 7)]
    [InlineData(3, 5)]
    public void EveryWidthAndModeMatchesTheScalarTwin(int kernelRows, int kernelCols)
    {
        var generator = new TwinCaseGenerator((kernelRows * 100) + kernelCols);
        var heights = new Random(kernelRows + (kernelCols * 31));
        var runner = new TwinRunner();
        for (int width = 1; width <= 70; width++)
        {
            foreach (BorderMode mode in Enum.GetValues<BorderMode>())
            {
                int height = heights.Next(1, 10);
                if (mode == BorderMode.Valid)
                {
                    if (width < kernelCols)
                    {
                        continue;
                    }

                    height = Math.Max(height, kernelRows);
                }

                runner.AssertTwinsAgree(generator.Next(kernelRows, kernelCols, width, height, mode));
            }
        }

        TwinCoverage.AssertVectorPathsRan(runner);
    }
}
