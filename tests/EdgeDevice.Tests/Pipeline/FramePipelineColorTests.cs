using EdgeDevice.Display;
using EdgeDevice.Pipeline;
using static EdgeDevice.Tests.Pipeline.PipelineTestData;

namespace EdgeDevice.Tests.Pipeline;

/// <summary>Gain, gamma, brightness and the colour maps, with the identity kernel so LED = pixel value.</summary>
public class FramePipelineColorTests
{
    [Fact]
    public void FixedGainMultipliesAndClipsAt255()
    {
        var options = Plain();
        options.Gain = 2;
        var pipeline = new FramePipeline(options, Matrix(3, 1), Kernel("edge-x"));

        // edge-x: [10 - 0, 0 - 200, 200 - 200] = [10, -200, 0]
        LedFrame leds = pipeline.Process(Frame([10, 0, 200, 200]));

        Assert.Equal([new Rgb(20, 0, 0), new Rgb(0, 0, 255), Rgb.Black], Row(leds, 0));
        Assert.Equal(2.0, pipeline.Gain);
    }

    [Fact]
    public void AutoGainMapsThePeakToFullScaleAndDecaysSlowly()
    {
        var options = Plain(map: MapMode.Magnitude);
        options.GainMode = GainMode.Auto;
        options.AutoGainDecay = 0.9;
        var pipeline = new FramePipeline(options, Matrix(1, 1), Kernel("identity"));

        Assert.Equal(new Rgb(255, 255, 255), pipeline.Process(Frame([100]))[0, 0]);

        // Running peak max(50, 100 x 0.9) = 90: 50 x 255 / 90 = 141.7 -> 142.
        pipeline.Process(Frame([50]));

        Assert.Equal(ColorRamp.Magnitude(142), pipeline.Output[0, 0]);
        Assert.Equal(255.0 / 90, pipeline.Gain, 9);
    }

    [Fact]
    public void AutoGainDoesNotBlowUpAFlatScene()
    {
        var options = Plain(map: MapMode.Magnitude);
        options.GainMode = GainMode.Auto;
        options.AutoGainMinPeak = 16;
        var pipeline = new FramePipeline(options, Matrix(1, 1), Kernel("identity"));

        // Peak 2 is below the floor of 16: 2 x 255 / 16 = 31.9 -> 32.
        pipeline.Process(Frame([2]));

        Assert.Equal(ColorRamp.Magnitude(32), pipeline.Output[0, 0]);
    }

    [Fact]
    public void GammaBendsTheIntensityCurve()
    {
        var options = Plain(map: MapMode.Signed);
        options.Gamma = 2;
        var pipeline = new FramePipeline(options, Matrix(2, 1), Kernel("identity"));

        // 255 x (128 / 255)^2 = 64.25 -> 64; 255 stays 255.
        LedFrame leds = pipeline.Process(Frame([128, 255]));

        Assert.Equal([new Rgb(64, 0, 0), new Rgb(255, 0, 0)], Row(leds, 0));
    }

    [Fact]
    public void BrightnessAndTheDisplayCapCapTheOutput()
    {
        var options = Plain(map: MapMode.Signed);
        options.Brightness = 0.5;
        var half = new FramePipeline(options, Matrix(1, 1), Kernel("identity"));
        var capped = new FramePipeline(Plain(map: MapMode.Signed), new DisplayCapabilities(1, 1, ColorDepth.Rgb24, BrightnessCap: 0.25), Kernel("identity"));

        // 255 x 0.5 = 127.5 -> 128 (half to even); the display's cap 0.25 wins over 1: 63.75 -> 64.
        Assert.Equal(new Rgb(128, 0, 0), half.Process(Frame([255]))[0, 0]);
        Assert.Equal(new Rgb(64, 0, 0), capped.Process(Frame([255]))[0, 0]);
    }

    [Fact]
    public void TheMagnitudeRampRunsBlackOrangeWhite()
    {
        var pipeline = new FramePipeline(Plain(map: MapMode.Magnitude), Matrix(4, 1), Kernel("identity"));

        LedFrame leds = pipeline.Process(Frame([0, 64, 128, 255]));

        // 64 is half way from black to orange (255, 140, 0): (127.5, 70, 0) rounded up.
        Assert.Equal([Rgb.Black, new Rgb(128, 70, 0), new Rgb(255, 140, 0), new Rgb(255, 255, 255)], Row(leds, 0));
    }

    [Fact]
    public void AutoMapIsSignedForSignedFiltersAndMagnitudeOtherwise()
    {
        var pipeline = new FramePipeline(Plain(), Matrix(1, 1), Kernel("identity"));
        Assert.Equal(MapMode.Magnitude, pipeline.EffectiveMap);

        pipeline.Filter = Kernel("laplacian4");
        Assert.Equal(MapMode.Signed, pipeline.EffectiveMap);

        pipeline.Map = MapMode.Magnitude;
        Assert.Equal(MapMode.Magnitude, pipeline.EffectiveMap);
    }

    [Fact]
    public void MagnitudeMapShowsNegativeValuesByTheirSize()
    {
        var pipeline = new FramePipeline(Plain(map: MapMode.Magnitude), Matrix(1, 1), Kernel("edge-x"));

        LedFrame leds = pipeline.Process(Frame([0, 255]));

        Assert.Equal(new Rgb(255, 255, 255), leds[0, 0]);
    }

    [Fact]
    public void GreyAndMonoDisplaysGetNoHue()
    {
        var gray = new FramePipeline(Plain(), new DisplayCapabilities(2, 1, ColorDepth.Gray8), Kernel("edge-x"));
        var mono = new FramePipeline(Plain(), new DisplayCapabilities(2, 1, ColorDepth.Mono1), Kernel("edge-x"));
        var frame = Frame([100, 0, 200]); // edge-x: [100, -200]

        Assert.Equal([new Rgb(100, 100, 100), new Rgb(200, 200, 200)], Row(gray.Process(frame), 0));
        Assert.Equal([Rgb.Black, new Rgb(255, 255, 255)], Row(mono.Process(frame), 0));
    }
}
