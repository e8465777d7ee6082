using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Tests.Arguments;

public class PlaneArgumentTests
{
    [Theory]
    [InlineData(0, 4, "width", "width must be at least 1")]
    [InlineData(-3, 4, "width", "width must be at least 1")]
    [InlineData(4, 0, "height", "height must be at least 1")]
    [InlineData(4, -1, "height", "height must be at least 1")]
    public void ZeroOrNegativeSizesNameTheDimension(int width, int height, string param, string text)
    {
        var data = new byte[64];

        var read = Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOnlyPlane<byte>(data, width, height));
        var write = Assert.Throws<ArgumentOutOfRangeException>(() => new Plane<byte>(data, width, height));

        Assert.Equal(param, read.ParamName);
        Assert.Contains(text, read.Message);
        Assert.Equal(param, write.ParamName);
    }

    [Fact]
    public void StrideBelowWidthNamesStride()
    {
        var data = new short[64];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOnlyPlane<short>(data, 8, 4, 7));

        Assert.Equal("stride", e.ParamName);
        Assert.Contains("stride (7) must be at least the width (8)", e.Message);
    }

    [Theory]
    [InlineData(11, 4, 4, 4)]    // 16 needed
    [InlineData(18, 4, 4, 5)]    // 3 x 5 + 4 = 19 needed
    public void ShortBufferNamesDataAndSaysHowMuchIsNeeded(int length, int width, int height, int stride)
    {
        var data = new int[length];
        long needed = ((long)(height - 1) * stride) + width;

        var read = Assert.Throws<ArgumentException>(() => new ReadOnlyPlane<int>(data, width, height, stride));
        var write = Assert.Throws<ArgumentException>(() => new Plane<int>(data, width, height, stride));

        Assert.Equal("data", read.ParamName);
        Assert.Contains($"holds {length} elements", read.Message);
        Assert.Contains($"needs {needed}", read.Message);
        Assert.Equal("data", write.ParamName);
    }

    [Fact]
    public void TheLastRowNeedsOnlyItsWidth()
    {
        var data = new byte[(3 * 10) + 4];

        var plane = new ReadOnlyPlane<byte>(data, 4, 4, 10);

        Assert.Equal(4, plane.Row(3).Length);
    }

    [Fact]
    public void SliceOutsideThePlaneNamesTheDimension()
    {
        var data = new byte[20];

        var w = Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOnlyPlane<byte>(data, 5, 4).Slice(3, 0, 3, 2));
        var h = Assert.Throws<ArgumentOutOfRangeException>(() => new Plane<byte>(data, 5, 4).Slice(0, 3, 2, 2));

        Assert.Equal("width", w.ParamName);
        Assert.Contains("outside a plane of width 5", w.Message);
        Assert.Equal("height", h.ParamName);
        Assert.Contains("outside a plane of height 4", h.Message);
    }
}
