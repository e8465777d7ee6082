using ConvCore.Fixed.Correlation;
using EdgeDevice.Pipeline;

namespace EdgeDevice.Tests.Pipeline;

public class PipelineOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        var options = new PipelineOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((160, 120, "sobel"), (options.WorkWidth, options.WorkHeight, options.Kernel));
        Assert.Equal(BorderMode.Valid, options.BorderMode);
    }

    [Fact]
    public void ANativeWorkSizeIsZeroByZero()
    {
        var options = new PipelineOptions { WorkWidth = 0, WorkHeight = 0 };

        Assert.Empty(options.Validate());
        Assert.True(options.IsNativeWorkSize);
    }

    [Fact]
    public void AZeroWidthAloneNamesTheSetting()
    {
        var options = new PipelineOptions { WorkWidth = 0 };

        string error = Assert.Single(options.Validate());

        Assert.StartsWith("Pipeline:WorkWidth must be at least 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mode", "Pipeline:Mode 'diagonal'")]
    [InlineData("Kernel", "did you mean 'sobel'")]
    [InlineData("Gain", "Pipeline:Gain must be")]
    [InlineData("AutoGainDecay", "Pipeline:AutoGainDecay must be")]
    [InlineData("Brightness", "Pipeline:Brightness must be")]
    [InlineData("Gamma", "Pipeline:Gamma must be")]
    [InlineData("Map", "Pipeline:Map must be one of")]
    public void EachBadSettingGivesOneMessageNamingIt(string setting, string expected)
    {
        var options = new PipelineOptions();
        switch (setting)
        {
            case "Mode": options.Mode = "diagonal"; break;
            case "Kernel": options.Kernel = "sobl"; break;
            case "Gain": options.Gain = 0; break;
            case "AutoGainDecay": options.AutoGainDecay = 1; break;
            case "Brightness": options.Brightness = 1.5; break;
            case "Gamma": options.Gamma = double.NaN; break;
            case "Map": options.Map = (MapMode)42; break;
        }

        string error = Assert.Single(options.Validate());

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AKernelFileIsNotCheckedAgainstTheCatalogue()
    {
        Assert.Empty(new PipelineOptions { Kernel = "learned/sobel.json" }.Validate());
    }

    [Theory]
    [InlineData("native", true, 0, 0)]
    [InlineData("160x120", true, 160, 120)]
    [InlineData(" 8X6 ", true, 8, 6)]
    [InlineData("0x10", false, 0, 0)]
    [InlineData("10", false, 0, 0)]
    [InlineData("-4x4", false, 0, 0)]
    [InlineData("99999x2", false, 0, 0)]
    public void WorkSizeTextParses(string text, bool ok, int width, int height)
    {
        Assert.Equal(ok, PipelineOptions.TryParseWorkSize(text, out int w, out int h));
        Assert.Equal((width, height), (w, h));
    }

    [Theory]
    [InlineData("valid", BorderMode.Valid)]
    [InlineData("same-zero", BorderMode.SameZero)]
    [InlineData("SAME-REPLICATE", BorderMode.SameReplicate)]
    public void ModeTextParses(string text, BorderMode expected)
    {
        Assert.True(PipelineOptions.TryParseMode(text, out BorderMode mode));
        Assert.Equal(expected, mode);
    }
}
