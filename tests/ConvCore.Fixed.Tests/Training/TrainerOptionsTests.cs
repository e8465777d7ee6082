using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Training;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>Bad set-up and bad calls fail with a message that names what is wrong.</summary>
public class TrainerOptionsTests
{
    [Fact]
    public void InitialWeightsOfTheWrongCountAreRefused()
    {
        var options = new KernelTrainerOptions { Rows = 3, Cols = 3, InitialWeights = [1, 2] };
        var ex = Assert.Throws<ArgumentException>(() => new FloatKernelTrainer(options));
        Assert.Equal("InitialWeights", ex.ParamName);
        Assert.Contains("9", ex.Message);
    }

    [Fact]
    public void ANonFiniteInitialWeightIsRefused()
    {
        var options = new KernelTrainerOptions { Rows = 1, Cols = 2, InitialWeights = [1, double.NaN] };
        Assert.Equal("InitialWeights", Assert.Throws<ArgumentException>(() => new FloatKernelTrainer(options)).ParamName);
    }

    [Fact]
    public void AnInitialWeightOutsideTheForwardQRangeIsRefused()
    {
        var options = SeedTrainers.Options(9.0, 0, 0.03);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedKernelTrainer(options, FixedTrainingFormat.IntegerPixels, 8, 6));
        Assert.Equal("InitialWeights", ex.ParamName);
        Assert.Contains("Q4.12", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void ANonPositiveOrInfiniteLearningRateIsRefused(double lr)
    {
        Assert.Equal("initial", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(lr)).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void MomentumOutsideZeroToOneIsRefused(double momentum)
    {
        var options = SeedTrainers.Options(0, 0, 0.03) with { Momentum = momentum };
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new FloatKernelTrainer(options)).ParamName);
    }

    [Fact]
    public void TooFewMasterFractionBitsAreRefused()
    {
        var format = FixedTrainingFormat.UnitPixels with { MasterFractionBits = 16 };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedKernelTrainer(SeedTrainers.Options(0, 0, 0.03), format, 8, 6));
        Assert.Equal("MasterFractionBits", ex.ParamName);
    }

    [Fact]
    public void AnInputLargerThanTheWorkspaceIsRefused()
    {
        var trainer = SeedTrainers.Fixed(0, 0);
        var ex = Assert.Throws<ArgumentException>(() =>
            trainer.Step(new ReadOnlyPlane<byte>(new byte[9 * 6], 9, 6), new ReadOnlyPlane<short>(new short[8 * 6], 8, 6)));
        Assert.Equal("input", ex.ParamName);
        Assert.Contains("8x6", ex.Message);
    }

    [Fact]
    public void ATargetOfTheWrongSizeIsRefusedByBothTrainers()
    {
        var ex = Assert.Throws<ArgumentException>(() => SeedTrainers.Fixed(0, 0).Accumulate(
            new ReadOnlyPlane<byte>(SeedData.X, 8, 6), new ReadOnlyPlane<short>(new short[48], 8, 6)));
        Assert.Equal("target", ex.ParamName);
        Assert.Contains("7x6", ex.Message);

        var floatEx = Assert.Throws<ArgumentException>(() => SeedTrainers.Float(0, 0).Accumulate(
            new ReadOnlyPlane<double>(SeedData.XDouble, 8, 6), new ReadOnlyPlane<double>(new double[48], 8, 6)));
        Assert.Equal("target", floatEx.ParamName);
    }

    [Fact]
    public void AStepWithNothingAccumulatedIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => SeedTrainers.Fixed(0, 0).Step());
        Assert.Throws<InvalidOperationException>(() => SeedTrainers.Float(0, 0).Step());
    }

    [Fact]
    public void ABiasWithoutUseBiasIsRefused()
    {
        var options = SeedTrainers.Options(0, 0, 0.03) with { InitialBias = 0.5 };
        Assert.Equal("InitialBias", Assert.Throws<ArgumentException>(() => new FloatKernelTrainer(options)).ParamName);
    }
}
