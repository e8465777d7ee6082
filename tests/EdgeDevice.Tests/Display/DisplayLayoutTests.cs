using EdgeDevice.Display;

namespace EdgeDevice.Tests.Display;

public class DisplayLayoutTests
{
    // A 3x2 frame's corners: top-left, top-right, bottom-left.
    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(0, 2, 0, 2, 0)]
    [InlineData(90, 0, 0, 1, 0)]
    [InlineData(90, 2, 0, 1, 2)]
    [InlineData(90, 0, 1, 0, 0)]
    [InlineData(180, 0, 0, 2, 1)]
    [InlineData(180, 2, 1, 0, 0)]
    [InlineData(270, 0, 0, 0, 2)]
    [InlineData(270, 2, 0, 0, 0)]
    [InlineData(270, 0, 1, 1, 2)]
    public void RotationTurnsTheFrameClockwise(int rotation, int x, int y, int expectedX, int expectedY)
    {
        Assert.Equal((expectedX, expectedY), DisplayLayout.Rotate(x, y, 3, 2, rotation));
    }

    [Theory]
    [InlineData(0, 3, 2)]
    [InlineData(90, 2, 3)]
    [InlineData(180, 3, 2)]
    [InlineData(270, 2, 3)]
    public void QuarterTurnsSwapTheSides(int rotation, int width, int height)
    {
        Assert.Equal((width, height), DisplayLayout.RotatedSize(3, 2, rotation));
    }

    [Fact]
    public void SerpentineWiringReversesOddRows()
    {
        // A 4-wide panel: row 0 runs 0..3 left to right, row 1 runs 4..7 right to left.
        Assert.Equal(3, DisplayLayout.WiringIndex(3, 0, 4, serpentine: true));
        Assert.Equal(7, DisplayLayout.WiringIndex(0, 1, 4, serpentine: true));
        Assert.Equal(4, DisplayLayout.WiringIndex(3, 1, 4, serpentine: true));
        Assert.Equal(8, DisplayLayout.WiringIndex(0, 2, 4, serpentine: true));
        Assert.Equal(4, DisplayLayout.WiringIndex(0, 1, 4, serpentine: false));
    }

    [Fact]
    public void PhysicalIndexIsAPermutationForEveryLayout()
    {
        foreach (int rotation in new[] { 0, 90, 180, 270 })
        {
            foreach (bool serpentine in new[] { false, true })
            {
                var seen = new HashSet<int>();
                for (int y = 0; y < 3; y++)
                {
                    for (int x = 0; x < 5; x++)
                    {
                        seen.Add(DisplayLayout.PhysicalIndex(x, y, 5, 3, rotation, serpentine));
                    }
                }

                Assert.Equal(Enumerable.Range(0, 15), seen.Order());
            }
        }
    }

    [Fact]
    public void PhysicalIndexOfATurnedSerpentinePanel()
    {
        // 2x3 frame turned 90 degrees: a 3-wide, 2-high panel. Viewer (0, 2) lands on panel
        // (3 - 1 - 2, 0) = (0, 0); viewer (0, 0) on (2, 0); viewer (1, 0) on (2, 1), which the
        // reversed second row numbers 3 + (3 - 1 - 2) = 3.
        Assert.Equal(0, DisplayLayout.PhysicalIndex(0, 2, 2, 3, 90, serpentine: true));
        Assert.Equal(2, DisplayLayout.PhysicalIndex(0, 0, 2, 3, 90, serpentine: true));
        Assert.Equal(3, DisplayLayout.PhysicalIndex(1, 0, 2, 3, 90, serpentine: true));
    }

    [Fact]
    public void FourQuarterTurnsGiveTheFrameBack()
    {
        var frame = new LedFrame(3, 2);
        for (int i = 0; i < 6; i++)
        {
            frame.Pixels[i] = new Rgb((byte)i, 0, 0);
        }

        LedFrame turned = frame;
        for (int i = 0; i < 4; i++)
        {
            (int w, int h) = DisplayLayout.RotatedSize(turned.Width, turned.Height, 90);
            var next = new LedFrame(w, h);
            DisplayLayout.RotateFrame(turned, next, 90);
            turned = next;
        }

        Assert.Equal(frame.Pixels.ToArray(), turned.Pixels.ToArray());
    }

    [Fact]
    public void OtherAnglesAndOutsidePointsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayLayout.Rotate(0, 0, 3, 2, 45));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayLayout.Rotate(3, 0, 3, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayLayout.WiringIndex(4, 0, 4, false));
    }
}
