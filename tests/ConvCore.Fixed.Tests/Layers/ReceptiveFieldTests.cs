using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Layers;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Layers;

public class ReceptiveFieldTests
{
    [Fact]
    public void TwoStackedTwoByTwoLayersSeeAThreeByThreeRegion()
    {
        LayerSpec[] layers = [new(2, 2), new(2, 2)];

        Assert.Equal(new ReceptiveFieldSize(3, 3, 1, 1), ReceptiveField.Of(layers));
    }

    [Fact]
    public void NoLayersSeeOnePixel() =>
        Assert.Equal(new ReceptiveFieldSize(1, 1, 1, 1), ReceptiveField.Of([]));

    [Fact]
    public void StridesMultiplyTheJumpAndWidenLaterLayers()
    {
        // rows: 1 + (3-1)x1 = 3, jump 1 -> 2; + (2-1)x2 = 5, jump 2 -> 4; + (3-1)x4 = 13, jump 4
        // cols: 1 + (1-1) = 1, jump 1 -> 3; + (2-1)x3 = 4, jump 3; + (5-1)x3 = 16, jump 3
        LayerSpec[] layers = [new(3, 1, StrideY: 2, StrideX: 3), new(2, 2, StrideY: 2), new(3, 5)];

        Assert.Equal(new ReceptiveFieldSize(13, 16, 4, 3), ReceptiveField.Of(layers));
    }

    [Fact]
    public void BorderModeChangesTheOutputSizeButNotTheField()
    {
        LayerSpec[] valid = [new(3, 3), new(3, 3)];
        LayerSpec[] same = [new(3, 3, Mode: BorderMode.SameZero), new(3, 3, Mode: BorderMode.SameReplicate)];

        Assert.Equal(ReceptiveField.Of(valid), ReceptiveField.Of(same));
        Assert.Equal((6, 4), ReceptiveField.OutputSize(10, 8, valid));
        Assert.Equal((10, 8), ReceptiveField.OutputSize(10, 8, same));
    }

    [Fact]
    public void OutputSizeFollowsCorrelationGeometryLayerByLayer()
    {
        // 11 rows: 2x2 stride 2 -> floor(9/2)+1 = 5; same-zero stride 2 -> floor(4/2)+1 = 3; 3x1 valid -> 1
        // 7 cols:  floor(5/2)+1 = 3; floor(2/2)+1 = 2; 2 - 1 + 1 = 2
        LayerSpec[] layers = [new(2, 2, 2, 2), new(3, 3, 2, 2, BorderMode.SameZero), new(3, 1)];

        Assert.Equal((1, 2), ReceptiveField.OutputSize(11, 7, layers));
    }

    [Fact]
    public void ValidOutputSizeAndFieldAgree()
    {
        // For valid layers, the last output row o reads input rows o x jump .. o x jump + field - 1,
        // so the output is the largest count whose last window still fits.
        var layer =
            from kr in Gen.Int[1, 4]
            from kc in Gen.Int[1, 4]
            from sy in Gen.Int[1, 3]
            from sx in Gen.Int[1, 3]
            select new LayerSpec(kr, kc, sy, sx);
        var gen =
            from layers in layer.Array[1, 4]
            from extraH in Gen.Int[0, 30]
            from extraW in Gen.Int[0, 30]
            select (layers, extraH, extraW);

        SeededSamples.Run(gen, 8080, 500, c =>
        {
            var field = ReceptiveField.Of(c.layers);
            int h = field.Rows + c.extraH, w = field.Cols + c.extraW;
            var (oh, ow) = ReceptiveField.OutputSize(h, w, c.layers);
            Assert.True(((oh - 1) * field.JumpY) + field.Rows <= h && (oh * field.JumpY) + field.Rows > h, $"height {h} -> {oh}");
            Assert.True(((ow - 1) * field.JumpX) + field.Cols <= w && (ow * field.JumpX) + field.Cols > w, $"width {w} -> {ow}");
        });
    }

    [Fact]
    public void ALayerThatDoesNotFitIsNamed()
    {
        LayerSpec[] layers = [new(3, 3), new(3, 3)];

        var e = Assert.Throws<ArgumentException>(() => ReceptiveField.OutputSize(4, 9, layers));

        Assert.Equal("layers", e.ParamName);
        Assert.Contains("Layer 1", e.Message);
        Assert.Contains("7x2", e.Message);
    }

    [Theory]
    [InlineData(0, 2, 1, 1, "kernel")]
    [InlineData(2, -1, 1, 1, "kernel")]
    [InlineData(2, 2, 0, 1, "stride")]
    [InlineData(2, 2, 1, -3, "stride")]
    public void BadLayersAreRefused(int kr, int kc, int sy, int sx, string problem)
    {
        LayerSpec[] layers = [new(2, 2), new(kr, kc, sy, sx)];

        var of = Assert.Throws<ArgumentException>(() => ReceptiveField.Of(layers));
        var size = Assert.Throws<ArgumentException>(() => ReceptiveField.OutputSize(50, 50, layers));

        Assert.Equal("layers", of.ParamName);
        Assert.Contains("Layer 1", of.Message);
        Assert.Contains(problem, of.Message);
        Assert.Equal("layers", size.ParamName);
    }

    [Fact]
    public void BadInputSizesAreRefused()
    {
        var h = Assert.Throws<ArgumentOutOfRangeException>(() => ReceptiveField.OutputSize(0, 5, [new LayerSpec(1, 1)]));
        var w = Assert.Throws<ArgumentOutOfRangeException>(() => ReceptiveField.OutputSize(5, -2, [new LayerSpec(1, 1)]));

        Assert.Equal("inputHeight", h.ParamName);
        Assert.Equal("inputWidth", w.ParamName);
    }

    [Fact]
    public void OptionsCarryModeAndStrides()
    {
        var o = new LayerSpec(3, 3, 2, 3, BorderMode.SameReplicate).ToOptions();

        Assert.Equal((BorderMode.SameReplicate, 2, 3), (o.Mode, o.StrideY, o.StrideX));
    }
}
