using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

public class ConvergenceMonitorTests
{
    [Fact]
    public void ALossAtTheThresholdIsConverged()
    {
        var m = new ConvergenceMonitor<double>(StoppingRule.Default, 0.5);
        Assert.Equal(TrainingStatus.Running, m.Observe(2.0, 10));
        Assert.Equal(TrainingStatus.Converged, m.Observe(0.5, 10));
    }

    [Fact]
    public void RisingLossesAboveTheEnergyLimitAreDivergedOnlyAfterThePatience()
    {
        var m = new ConvergenceMonitor<Int128>(StoppingRule.Default, 0);
        Assert.Equal(TrainingStatus.Running, m.Observe(50, 10));
        Assert.Equal(TrainingStatus.Running, m.Observe(60, 10));
        Assert.Equal(TrainingStatus.Running, m.Observe(70, 10));
        Assert.Equal(TrainingStatus.Diverged, m.Observe(80, 10));
    }

    [Fact]
    public void RisingLossesBelowFourTimesTheTargetEnergyAreNotDivergence()
    {
        // A frame with more detail than the last has a larger loss: not a divergence.
        var m = new ConvergenceMonitor<Int128>(StoppingRule.Default, 0);
        foreach (int loss in new[] { 5, 6, 7, 8, 9, 10 })
        {
            Assert.Equal(TrainingStatus.Running, m.Observe(loss, 10));
        }
    }

    [Fact]
    public void ALossThatStopsImprovingIsNotConvergingAfterTheStallPatience()
    {
        var rule = new StoppingRule { StallPatience = 3, MinRelativeImprovement = 0.01 };
        var m = new ConvergenceMonitor<double>(rule, 0);
        Assert.Equal(TrainingStatus.Running, m.Observe(100, 1000));
        Assert.Equal(TrainingStatus.Running, m.Observe(99.5, 1000));
        Assert.Equal(TrainingStatus.Running, m.Observe(99.2, 1000));
        Assert.Equal(TrainingStatus.NotConverging, m.Observe(99.1, 1000));

        // A real improvement (more than 1% of the best) starts the count again.
        Assert.Equal(TrainingStatus.Running, m.Observe(90, 1000));
    }

    [Fact]
    public void ANonFiniteLossIsDiverged()
    {
        var m = new ConvergenceMonitor<double>(StoppingRule.Default, 0);
        Assert.Equal(TrainingStatus.Diverged, m.Observe(double.NaN, 1));
        Assert.Equal(TrainingStatus.Diverged, m.Observe(double.PositiveInfinity, 1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ABadThresholdIsRefusedWithItsName(double threshold)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StoppingRule { LossThreshold = threshold });
        Assert.Equal("LossThreshold", ex.ParamName);
    }
}
