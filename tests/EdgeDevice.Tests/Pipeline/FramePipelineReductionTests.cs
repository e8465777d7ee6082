using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using static EdgeDevice.Tests.Pipeline.PipelineTestData;

namespace EdgeDevice.Tests.Pipeline;

/// <summary>Working-size downscale, pooling and nearest sampling, seen through the pipeline's planes.</summary>
public class FramePipelineReductionTests
{
    [Fact]
    public void MaxAbsPoolingKeepsTheLargestValueOfEachCell()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(2, 1), Kernel("identity"));

        pipeline.Process(Frame([10, 200, 2, 2], [30, 40, 2, 4]));

        Assert.Equal(new short[] { 200, 4 }, pipeline.PooledMap.Row(0).ToArray());
    }

    [Fact]
    public void AveragePoolingRoundsHalfToEven()
    {
        var pipeline = new FramePipeline(Plain(pooling: PoolingMode.Average), Matrix(2, 1), Kernel("identity"));

        // (10 + 200 + 30 + 40) / 4 = 70; (2 + 2 + 2 + 4) / 4 = 2.5 -> 2.
        pipeline.Process(Frame([10, 200, 2, 2], [30, 40, 2, 4]));

        Assert.Equal(new short[] { 70, 2 }, pipeline.PooledMap.Row(0).ToArray());
    }

    [Fact]
    public void MaxAbsPoolingKeepsTheSignAndTheFirstOfEqualMagnitudes()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(1, 1), Kernel("edge-x"));

        // edge-x: [0 - 50, 50 - 0] = [-50, 50]; both |50|, the first wins.
        pipeline.Process(Frame([0, 50, 0]));

        Assert.Equal(-50, pipeline.PooledMap[0, 0]);
    }

    [Fact]
    public void AFeatureMapSmallerThanTheDisplayIsSampledAtTheNearestCell()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(4, 2), Kernel("identity"));

        pipeline.Process(Frame([7, 90]));

        Assert.True(pipeline.SampledNearest);
        Assert.Equal(new short[] { 7, 7, 90, 90 }, pipeline.PooledMap.Row(0).ToArray());
        Assert.Equal(new short[] { 7, 7, 90, 90 }, pipeline.PooledMap.Row(1).ToArray());
    }

    [Fact]
    public void TheWorkingSizeIsAnAreaAverageOfTheFrame()
    {
        var options = Plain();
        options.WorkWidth = 2;
        options.WorkHeight = 1;
        var pipeline = new FramePipeline(options, Matrix(1, 1), Kernel("identity"));

        // Left half mean (0 + 255 + 255 + 0) / 4 = 127.5 -> 128 (half to even); right half 10.
        pipeline.Process(Frame([0, 255, 10, 10], [255, 0, 10, 10]));

        ReadOnlyPlane<byte> luma = pipeline.WorkingLuma;
        Assert.Equal((2, 1), (luma.Width, luma.Height));
        Assert.Equal(new byte[] { 128, 10 }, luma.Row(0).ToArray());
    }

    [Fact]
    public void FramesAreNeverUpscaledToTheWorkingSize()
    {
        var options = Plain();
        options.WorkWidth = 160;
        options.WorkHeight = 120;
        var pipeline = new FramePipeline(options, Matrix(2, 2), Kernel("sobel"));

        pipeline.Process(new LumaFrame(100, 50));

        Assert.Equal((100, 50), (pipeline.WorkingLuma.Width, pipeline.WorkingLuma.Height));
        Assert.Equal((98, 48), (pipeline.FeatureMap.Width, pipeline.FeatureMap.Height));
    }

    [Fact]
    public void ALargeFrameIsReducedToTheConfiguredWorkingSize()
    {
        var pipeline = new FramePipeline(new PipelineOptions(), Matrix(8, 8), Kernel("sobel"));

        pipeline.Process(new LumaFrame(640, 480));

        Assert.Equal((160, 120), (pipeline.WorkingLuma.Width, pipeline.WorkingLuma.Height));
        Assert.Equal((158, 118), (pipeline.FeatureMap.Width, pipeline.FeatureMap.Height));
    }

    [Fact]
    public void SameModesKeepTheWorkingSize()
    {
        var options = Plain();
        options.Mode = "same-replicate";
        var pipeline = new FramePipeline(options, Matrix(2, 2), Kernel("sobel-x"));

        pipeline.Process(new LumaFrame(9, 5));

        Assert.Equal((9, 5), (pipeline.FeatureMap.Width, pipeline.FeatureMap.Height));
    }

    [Fact]
    public void SobelMagnitudeIsTheSumOfAbsoluteGradients()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(4, 3), Kernel("sobel"));
        byte[] row = [0, 0, 0, 100, 100, 100];

        pipeline.Process(Frame(row, row, row, row, row));

        // Columns 1 and 2 straddle the step: sobel-x gives (1 + 2 + 1) x 100, sobel-y 0.
        for (int y = 0; y < 3; y++)
        {
            Assert.Equal(new short[] { 0, 400, 400, 0 }, pipeline.FeatureMap.Row(y).ToArray());
        }

        Assert.Equal(MapMode.Magnitude, pipeline.EffectiveMap);
    }

    [Fact]
    public void AnL2MagnitudeFilterTakesTheIntegerSquareRoot()
    {
        var sobelX = KernelCatalogue.GetKernel("sobel-x");
        var sobelY = KernelCatalogue.GetKernel("sobel-y");
        var l2 = new GradientMagnitudeFilter("sobel-l2", sobelX, sobelY, MagnitudeNorm.L2);
        var pipeline = new FramePipeline(Plain(), Matrix(1, 1), l2);

        // Only the bottom-right pixel is lit: gx = gy = 100, sqrt(20000) = 141.42 -> 141.
        pipeline.Process(Frame([0, 0, 0], [0, 0, 0], [0, 0, 100]));

        Assert.Equal(141, pipeline.FeatureMap[0, 0]);
    }
}
