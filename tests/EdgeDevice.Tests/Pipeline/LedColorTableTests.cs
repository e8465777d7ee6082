using EdgeDevice.Display;
using EdgeDevice.Pipeline;

namespace EdgeDevice.Tests.Pipeline;

public class LedColorTableTests
{
    [Theory]
    [InlineData(MapMode.Signed, ColorDepth.Rgb24)]
    [InlineData(MapMode.Magnitude, ColorDepth.Rgb24)]
    [InlineData(MapMode.Signed, ColorDepth.Gray8)]
    [InlineData(MapMode.Signed, ColorDepth.Mono1)]
    public void TheSignMaskLookupGivesTheColourOfTheSignedLookup(MapMode map, ColorDepth depth)
    {
        var table = new LedColorTable(map, depth, gamma: 2.2, brightness: 0.8);
        for (int intensity = 0; intensity < 256; intensity++)
        {
            Assert.Equal(table[intensity, negative: false], table.BySignMask(intensity, 0));
            Assert.Equal(table[intensity, negative: true], table.BySignMask(intensity, -1));
        }

        // The signed map really tells the signs apart, so the check above could fail.
        if (map == MapMode.Signed && depth == ColorDepth.Rgb24)
        {
            Assert.NotEqual(table.BySignMask(200, 0), table.BySignMask(200, -1));
        }
    }
}
