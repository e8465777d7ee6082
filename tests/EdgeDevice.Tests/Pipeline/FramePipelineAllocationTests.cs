using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using static EdgeDevice.Tests.Pipeline.PipelineTestData;

namespace EdgeDevice.Tests.Pipeline;

/// <summary>Steady-state frames allocate nothing: every buffer is made when the size or the filter shape changes.</summary>
public class FramePipelineAllocationTests
{
    [Theory]
    [InlineData("sobel", "valid", PoolingMode.MaxAbs, GainMode.Auto)]
    [InlineData("sobel-x", "same-replicate", PoolingMode.Average, GainMode.Fixed)]
    [InlineData("gaussian5", "same-zero", PoolingMode.MaxAbs, GainMode.Auto)]
    public void TwoHundredFramesAllocateNothing(string kernel, string mode, PoolingMode pooling, GainMode gain)
    {
        // Small frames keep the test quick; the downscale (64x48 -> 32x24) still runs every frame.
        var options = new PipelineOptions { WorkWidth = 32, WorkHeight = 24, Mode = mode, Pooling = pooling, GainMode = gain };
        var pipeline = new FramePipeline(options, Matrix(8, 8), Kernel(kernel));
        LumaFrame frame = Noise(64, 48, seed: 7);
        for (int i = 0; i < 5; i++)
        {
            pipeline.Process(frame);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            frame.Pixels[i] ^= 0x55; // a changing scene, so auto gain keeps working
            pipeline.Process(frame);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(205, pipeline.FramesProcessed);
    }

    [Fact]
    public void NativeFramesSmallerThanTheDisplayAllocateNothing()
    {
        var options = PipelineTestData.Plain();
        options.Mode = "same-zero";
        var pipeline = new FramePipeline(options, Matrix(8, 8), Kernel("laplacian8"));
        LumaFrame frame = Noise(6, 5, seed: 11);
        pipeline.Process(frame);
        pipeline.Process(frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            pipeline.Process(frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(pipeline.SampledNearest);
    }

    [Fact]
    public void SwitchingBetweenKernelsOfOneShapeAllocatesNothing()
    {
        var pipeline = new FramePipeline(new PipelineOptions(), Matrix(8, 8), Kernel("sobel-x"));
        var x = Kernel("sobel-x");
        var y = Kernel("sobel-y");
        LumaFrame frame = Noise(64, 48, seed: 3);
        pipeline.Process(frame);
        pipeline.Filter = y;
        pipeline.Process(frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            pipeline.Filter = (i & 1) == 0 ? x : y;
            pipeline.Process(frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(y, pipeline.Filter);
    }

    [Fact]
    public void SwitchingToAnotherShapeGivesTheNewFeatureMapSize()
    {
        var pipeline = new FramePipeline(PipelineTestData.Plain(), Matrix(2, 2), Kernel("sobel"));
        pipeline.Process(new LumaFrame(10, 10));

        pipeline.Filter = Kernel("gaussian5");
        pipeline.Process(new LumaFrame(10, 10));

        Assert.Equal((6, 6), (pipeline.FeatureMap.Width, pipeline.FeatureMap.Height));
    }

    private static LumaFrame Noise(int width, int height, int seed)
    {
        var frame = new LumaFrame(width, height) { Origin = "noise" };
        new Random(seed).NextBytes(frame.Pixels);
        return frame;
    }
}
