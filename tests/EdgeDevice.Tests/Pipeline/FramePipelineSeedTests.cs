using ConvCore.Fixed.Planes;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Pipeline;
using static EdgeDevice.Tests.Pipeline.PipelineTestData;

namespace EdgeDevice.Tests.Pipeline;

/// <summary>The seed's edge example through the whole pipeline, at native size with no pooling.</summary>
public class FramePipelineSeedTests
{
    private static readonly Rgb Red1 = new(1, 0, 0);
    private static readonly Rgb Blue1 = new(0, 0, 1);

    [Fact]
    public void EdgeXOnTheSixByEightImageLightsColumnOneRedAndColumnFiveBlue()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(7, 6), Kernel("edge-x"));

        LedFrame leds = pipeline.Process(SeedImage());

        Rgb b = Rgb.Black;
        for (int y = 0; y < 6; y++)
        {
            Assert.Equal([b, Red1, b, b, b, Blue1, b], Row(leds, y));
        }
    }

    [Fact]
    public void WithFullScaleOnesTheEdgesAreFullRedAndFullBlue()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(7, 6), Kernel("edge-x"));

        LedFrame leds = pipeline.Process(SeedImage(one: 255));

        Assert.Equal(new Rgb(255, 0, 0), leds[1, 3]);
        Assert.Equal(new Rgb(0, 0, 255), leds[5, 3]);
        Assert.Equal(Rgb.Black, leds[0, 3]);
        Assert.Equal(255, pipeline.FeatureMapPeak);
    }

    [Fact]
    public void FeatureMapAndWorkingLumaAreTheCoreInputAndOutput()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(7, 6), Kernel("edge-x"));
        var frame = SeedImage();

        pipeline.Process(frame);

        ReadOnlyPlane<byte> luma = pipeline.WorkingLuma;
        Assert.Equal((8, 6), (luma.Width, luma.Height));
        Assert.Equal(frame.Pixels.ToArray(), luma.Data.ToArray());
        ReadOnlyPlane<short> map = pipeline.FeatureMap;
        Assert.Equal((7, 6), (map.Width, map.Height));
        for (int y = 0; y < 6; y++)
        {
            Assert.Equal(new short[] { 0, 1, 0, 0, 0, -1, 0 }, map.Row(y).ToArray());
        }

        Assert.False(pipeline.SampledNearest);
        Assert.Equal(MapMode.Signed, pipeline.EffectiveMap);
    }

    [Fact]
    public void TheTransposedImageShowsNoEdgesWithEdgeX()
    {
        var seed = SeedImage(one: 255);
        var transposed = new LumaFrame(6, 8);
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 8; c++)
            {
                transposed.Pixels[(c * 6) + r] = seed.Pixels[(r * 8) + c];
            }
        }

        var pipeline = new FramePipeline(Plain(), Matrix(5, 8), Kernel("edge-x"));
        LedFrame leds = pipeline.Process(transposed);

        Assert.All(leds.Pixels.ToArray(), c => Assert.Equal(Rgb.Black, c));
        Assert.Equal(0, pipeline.FeatureMapPeak);
    }
}
