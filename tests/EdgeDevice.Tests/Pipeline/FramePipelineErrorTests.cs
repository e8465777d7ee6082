using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using static EdgeDevice.Tests.Pipeline.PipelineTestData;

namespace EdgeDevice.Tests.Pipeline;

public class FramePipelineErrorTests
{
    [Fact]
    public void AFrameSmallerThanTheKernelInValidModeIsRefusedWithBothSizes()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(8, 8), Kernel("sobel"));
        var tiny = new LumaFrame(1, 1) { Origin = "dot.png" };

        var ex = Assert.Throws<FrameTooSmallException>(() => pipeline.Process(tiny));

        Assert.Contains("dot.png is 1x1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3x3 kernel", ex.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 3, 3), (ex.FrameWidth, ex.FrameHeight, ex.KernelRows, ex.KernelCols));
    }

    [Fact]
    public void AfterATooSmallFrameTheNextGoodFrameIsProcessed()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(2, 2), Kernel("sobel-x"));
        Assert.Throws<FrameTooSmallException>(() => pipeline.Process(new LumaFrame(2, 9)));

        pipeline.Process(new LumaFrame(5, 5));

        Assert.Equal((3, 3), (pipeline.FeatureMap.Width, pipeline.FeatureMap.Height));
    }

    [Fact]
    public void SameZeroModeAcceptsAOnePixelFrame()
    {
        var options = Plain(map: MapMode.Magnitude);
        options.Mode = "same-zero";
        var pipeline = new FramePipeline(options, Matrix(2, 2), Kernel("laplacian4"));

        // laplacian4 at a lone pixel of 10 with zero padding: -4 x 10.
        var leds = pipeline.Process(Frame([10]));

        Assert.Equal(-40, pipeline.FeatureMap[0, 0]);
        Assert.True(pipeline.SampledNearest);
        Assert.All(leds.Pixels.ToArray(), c => Assert.Equal(ColorRamp.Magnitude(40), c));
    }

    [Fact]
    public void PlanesAreUnavailableBeforeTheFirstFrame()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(2, 2), Kernel("sobel"));

        Assert.Throws<InvalidOperationException>(() => pipeline.FeatureMap.Width);
    }

    [Fact]
    public void InvalidOptionsAreRefusedWithTheSettingsNamed()
    {
        var options = Plain();
        options.Gamma = 0;

        var ex = Assert.Throws<ArgumentException>(() => new FramePipeline(options, Matrix(2, 2), Kernel("sobel")));

        Assert.Contains("Pipeline:Gamma", ex.Message, StringComparison.Ordinal);
    }
}
