using EdgeDevice.Hardware.Displays;

namespace EdgeDevice.Tests.Hardware;

public class PanelMapTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void EveryPanelLedShowsExactlyOneViewerPixel(int rotation)
    {
        var map = new PanelMap(5, 3, rotation);
        Assert.Equal(rotation is 90 or 270 ? (3, 5) : (5, 3), (map.ViewerWidth, map.ViewerHeight));
        Assert.Equal(Enumerable.Range(0, 15), map.ViewerToPanel.ToArray().Order());
    }

    [Fact]
    public void TheViewersTopLeftCornerFollowsTheMounting()
    {
        // A 5x3 panel; where does the viewer's top-left pixel land on it?
        Assert.Equal((0, 0), new PanelMap(5, 3, 0).ToPanel(0, 0));
        Assert.Equal((0, 2), new PanelMap(5, 3, 90).ToPanel(0, 0));   // turned clockwise: the panel's bottom-left
        Assert.Equal((4, 2), new PanelMap(5, 3, 180).ToPanel(0, 0));  // upside down: its bottom-right
        Assert.Equal((4, 0), new PanelMap(5, 3, 270).ToPanel(0, 0));  // turned anticlockwise: its top-right
        // And the viewer's top-right pixel.
        Assert.Equal((0, 0), new PanelMap(5, 3, 90).ToPanel(2, 0));
        Assert.Equal((4, 2), new PanelMap(5, 3, 270).ToPanel(2, 0));
    }

    [Fact]
    public void OnlyQuarterTurnsAreAccepted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PanelMap(8, 8, 45));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PanelMap(0, 8, 0));
    }

    [Fact]
    public void SerpentineReversesOddRowsOnly()
    {
        Assert.Equal(0, StripIndex.Of(0, 0, 4, WiringOrder.Serpentine));
        Assert.Equal(7, StripIndex.Of(0, 1, 4, WiringOrder.Serpentine));
        Assert.Equal(4, StripIndex.Of(3, 1, 4, WiringOrder.Serpentine));
        Assert.Equal(8, StripIndex.Of(0, 2, 4, WiringOrder.Serpentine));
        Assert.Equal(5, StripIndex.Of(1, 1, 4, WiringOrder.RowMajor));
    }
}
