using EdgeDevice.Display;

namespace EdgeDevice.Tests.Display;

public class TerminalDisplayTests
{
    private static readonly Rgb Red = new(255, 0, 0);
    private static readonly Rgb Green = new(0, 255, 0);
    private static readonly Rgb Blue = new(0, 0, 255);
    private static readonly Rgb White = new(255, 255, 255);

    [Fact]
    public void ATwoByTwoFrameIsOneLineOfTwoHalfBlocks()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color: true, inPlace: true);

        display.Show(TwoByTwo());

        Assert.Equal(
            "\u001b[?25l"
            + "\u001b[38;2;255;0;0;48;2;0;0;255m\u2580"
            + "\u001b[38;2;0;255;0;48;2;255;255;255m\u2580"
            + "\u001b[0m\n",
            output.ToString());
    }

    [Fact]
    public void TheNextFrameMovesBackUpInsteadOfScrolling()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color: true, inPlace: true);
        display.Show(TwoByTwo());
        int first = output.GetStringBuilder().Length;

        display.Show(TwoByTwo());

        string second = output.ToString()[first..];
        Assert.StartsWith("\u001b[1A\u001b[38;2;255;0;0;", second, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposeShowsTheCursorAgain()
    {
        var output = new StringWriter();
        var display = new TerminalDisplay(output, new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color: true, inPlace: true);
        display.Show(TwoByTwo());

        display.Dispose();

        Assert.EndsWith("\u001b[0m\u001b[?25h", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOddLastRowKeepsTheTerminalBackground()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(1, 1, ColorDepth.Rgb24), color: true, inPlace: false);
        var frame = new LedFrame(1, 1);
        frame[0, 0] = new Rgb(1, 2, 3);

        display.Show(frame);

        Assert.Equal("\u001b[38;2;1;2;3;49m\u2580\u001b[0m\n\n", output.ToString());
    }

    [Fact]
    public void WithoutColourEachLedIsACharacterOfTheBrightnessRamp()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color: false, inPlace: false);
        var frame = new LedFrame(2, 2);
        frame[1, 0] = Red;                 // 255 -> level 9 '@'
        frame[0, 1] = new Rgb(0, 100, 0);  // 100 x 10 / 256 = 3 '-'
        frame[1, 1] = new Rgb(0, 0, 30);   // 30 x 10 / 256 = 1 '.'

        display.Show(frame);

        Assert.Equal(" @\n-.\n\n", output.ToString());
    }

    [Theory]
    [InlineData(true, null, "xterm-256color", true, true)]
    [InlineData(true, "1", "xterm-256color", false, true)]
    [InlineData(true, "", "xterm", true, true)]
    [InlineData(false, null, "xterm", false, false)]
    [InlineData(true, null, "dumb", false, false)]
    public void ColourNeedsATerminalAndNoNoColor(bool terminal, string? noColor, string? term, bool color, bool inPlace)
    {
        Assert.Equal((color, inPlace), TerminalDisplay.Detect(terminal, noColor, term));
    }

    [Fact]
    public void NoColorGivesPlainTextRedrawnInPlace()
    {
        (bool color, bool inPlace) = TerminalDisplay.Detect(true, "1", "xterm");
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color, inPlace);

        display.Show(TwoByTwo());
        display.Show(new LedFrame(2, 2));

        Assert.Equal("\u001b[?25l@@\n@@\n" + "\u001b[2A  \n  \n", output.ToString());
        Assert.DoesNotContain("38;2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatusLineFollowsTheMatrix()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(1, 1, ColorDepth.Rgb24), color: false, inPlace: true);
        display.SetStatus("sobel 30 fps");

        display.Show(new LedFrame(1, 1));
        display.Show(new LedFrame(1, 1));

        Assert.Equal("\u001b[?25l \n\u001b[2Ksobel 30 fps\n" + "\u001b[2A \n\u001b[2Ksobel 30 fps\n", output.ToString());
    }

    [Fact]
    public void AppendedFramesCarryTheStatusOnlyUnderTheFirstFrame()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(1, 1, ColorDepth.Rgb24), color: false, inPlace: false);
        display.SetStatus("sobel, signed map");

        display.Show(new LedFrame(1, 1));
        display.SetStatus("sobel, signed map");
        display.Show(new LedFrame(1, 1));
        display.Show(new LedFrame(1, 1));

        Assert.Equal(" \nsobel, signed map\n\n" + " \n\n" + " \n\n", output.ToString());
    }

    [Fact]
    public void AppendedFramesRepeatTheStatusWhenItChangesOrComesBack()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(1, 1, ColorDepth.Rgb24), color: false, inPlace: false);
        display.SetStatus("sobel");
        display.Show(new LedFrame(1, 1));

        display.SetStatus("laplacian4");
        display.Show(new LedFrame(1, 1));
        display.SetStatus(null);
        display.Show(new LedFrame(1, 1));
        display.SetStatus("laplacian4");
        display.Show(new LedFrame(1, 1));

        Assert.Equal(" \nsobel\n\n" + " \nlaplacian4\n\n" + " \n\n" + " \nlaplacian4\n\n", output.ToString());
    }

    [Fact]
    public void RotationTurnsTheDrawing()
    {
        var output = new StringWriter();
        using var display = new TerminalDisplay(output, new DisplayCapabilities(2, 1, ColorDepth.Rgb24, Rotation: 90), color: true, inPlace: false);
        var frame = new LedFrame(2, 1);
        frame[0, 0] = Red;
        frame[1, 0] = Blue;

        display.Show(frame);

        // Turned clockwise, the 2x1 row becomes a 1x2 column: red above blue, one half block.
        Assert.Equal("\u001b[38;2;255;0;0;48;2;0;0;255m\u2580\u001b[0m\n\n", output.ToString());
    }

    [Fact]
    public void AFrameOfAnotherSizeIsRefused()
    {
        using var display = new TerminalDisplay(new StringWriter(), new DisplayCapabilities(2, 2, ColorDepth.Rgb24), color: true, inPlace: true);

        var ex = Assert.Throws<ArgumentException>(() => display.Show(new LedFrame(3, 2)));

        Assert.Contains("3x2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullDisplayCountsFramesAndDrawsNothing()
    {
        using var display = new NullDisplay(new DisplayCapabilities(8, 8, ColorDepth.Rgb24));

        display.Show(new LedFrame(8, 8));
        display.Blank();

        Assert.Equal(1, display.FramesShown);
        Assert.Equal("none 8x8", display.Name);
    }

    private static LedFrame TwoByTwo()
    {
        var frame = new LedFrame(2, 2);
        frame[0, 0] = Red;
        frame[1, 0] = Green;
        frame[0, 1] = Blue;
        frame[1, 1] = White;
        return frame;
    }
}
