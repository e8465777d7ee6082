using System.Text;

namespace EdgeDevice.Display;

/// <summary>
/// The LED matrix drawn in a terminal. In colour, each character cell is two LEDs: '▀' with
/// the top LED as foreground and the bottom LED as background (ANSI 24-bit colour). Without
/// colour (output not a terminal, NO_COLOR set, TERM=dumb) each LED is one character of
/// " .:-=+*#%@" by its brightest channel.
/// </summary>
/// <remarks>
/// In place, each frame moves the cursor back up over the previous one instead of scrolling
/// (the cursor is hidden while frames are drawn and shown again on dispose); otherwise frames
/// follow each other, separated by a blank line, and the status line is written only under the
/// first frame and whenever it changes, not under every frame. The frame is turned clockwise
/// by the capabilities' rotation before drawing, as a rotated panel would show it.
/// </remarks>
public sealed class TerminalDisplay : IDisplay, IStatusLine
{
    /// <summary>Brightness ramp of the plain-text mode, darkest first.</summary>
    public const string AsciiRamp = " .:-=+*#%@";

    private const string Esc = "\u001b[";
    private const char UpperHalfBlock = '\u2580';

    private readonly TextWriter _output;
    private readonly bool _color;
    private readonly bool _inPlace;
    private readonly LedFrame _rotated;
    private readonly StringBuilder _text = new();
    private string? _status;
    private int _linesDrawn;
    private bool _cursorHidden;
    private bool _statusShown;
    private string? _appendedStatus;

    /// <param name="output">Where to draw (Console.Out, or a StringWriter in tests).</param>
    /// <param name="capabilities">Size and rotation of the simulated matrix.</param>
    /// <param name="color">ANSI true colour with half blocks; false for the plain-text ramp.</param>
    /// <param name="inPlace">Redraw over the previous frame (a terminal); false appends frames (a file or pipe).</param>
    public TerminalDisplay(TextWriter output, DisplayCapabilities capabilities, bool color, bool inPlace)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(capabilities);
        DisplayCapabilities.ValidateRotation(capabilities.Rotation);
        _output = output;
        Capabilities = capabilities;
        _color = color;
        _inPlace = inPlace;
        (int w, int h) = DisplayLayout.RotatedSize(capabilities.Width, capabilities.Height, capabilities.Rotation);
        _rotated = new LedFrame(w, h);
    }

    public string Name => $"terminal {Capabilities.Width}x{Capabilities.Height}";

    public DisplayCapabilities Capabilities { get; }

    public bool UsesColor => _color;

    /// <summary>A terminal display on the console, colour and redrawing decided by <see cref="Detect"/>.</summary>
    public static TerminalDisplay ForConsole(DisplayCapabilities capabilities)
    {
        (bool color, bool inPlace) = Detect(
            !Console.IsOutputRedirected,
            Environment.GetEnvironmentVariable("NO_COLOR"),
            Environment.GetEnvironmentVariable("TERM"));
        return new TerminalDisplay(Console.Out, capabilities, color, inPlace);
    }

    /// <summary>
    /// Colour only on a terminal whose user has not set NO_COLOR (any non-empty value, per
    /// no-color.org) and whose TERM is not "dumb"; redraw in place only on a terminal that can
    /// move its cursor.
    /// </summary>
    public static (bool Color, bool InPlace) Detect(bool outputIsTerminal, string? noColor, string? term)
    {
        bool capable = outputIsTerminal && !string.Equals(term, "dumb", StringComparison.Ordinal);
        return (capable && string.IsNullOrEmpty(noColor), capable);
    }

    /// <summary>
    /// A line shown under the matrix from the next frame on (kernel, colour map, keys); null
    /// removes it. Redrawn in place under every frame; appended, only when it changes.
    /// </summary>
    public void SetStatus(string? text) => _status = text?.ReplaceLineEndings(" ");

    public void Show(LedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != Capabilities.Width || frame.Height != Capabilities.Height)
        {
            throw new ArgumentException($"This display is {Capabilities.Width}x{Capabilities.Height} but the frame is {frame.Width}x{frame.Height}.", nameof(frame));
        }

        DisplayLayout.RotateFrame(frame, _rotated, Capabilities.Rotation);
        _text.Clear();
        BeginFrame();
        int lines = _color ? AppendHalfBlocks() : AppendAscii();
        lines += AppendStatus();
        if (!_inPlace)
        {
            _text.Append('\n');
        }

        _linesDrawn = lines;
        _output.Write(_text);
        _output.Flush();
    }

    public void Blank()
    {
        Show(new LedFrame(Capabilities.Width, Capabilities.Height));
    }

    /// <summary>Restores the cursor (and colours) if this display hid it.</summary>
    public void Dispose()
    {
        if (_cursorHidden)
        {
            _output.Write(Esc + "0m" + Esc + "?25h");
            _output.Flush();
            _cursorHidden = false;
        }
    }

    private void BeginFrame()
    {
        if (!_inPlace)
        {
            return;
        }

        if (!_cursorHidden)
        {
            _text.Append(Esc).Append("?25l");
            _cursorHidden = true;
        }

        if (_linesDrawn > 0)
        {
            _text.Append(Esc).Append(_linesDrawn).Append('A');
        }
    }

    /// <summary>Two LED rows per text line; an odd last row keeps the terminal's own background.</summary>
    private int AppendHalfBlocks()
    {
        int lines = 0;
        for (int y = 0; y < _rotated.Height; y += 2)
        {
            for (int x = 0; x < _rotated.Width; x++)
            {
                Rgb top = _rotated[x, y];
                _text.Append(Esc).Append("38;2;").Append(top.R).Append(';').Append(top.G).Append(';').Append(top.B);
                if (y + 1 < _rotated.Height)
                {
                    Rgb bottom = _rotated[x, y + 1];
                    _text.Append(";48;2;").Append(bottom.R).Append(';').Append(bottom.G).Append(';').Append(bottom.B);
                }
                else
                {
                    _text.Append(";49");
                }

                _text.Append('m').Append(UpperHalfBlock);
            }

            _text.Append(Esc).Append("0m\n");
            lines++;
        }

        return lines;
    }

    private int AppendAscii()
    {
        for (int y = 0; y < _rotated.Height; y++)
        {
            for (int x = 0; x < _rotated.Width; x++)
            {
                Rgb c = _rotated[x, y];
                int level = Math.Max(c.R, Math.Max(c.G, c.B));
                _text.Append(AsciiRamp[level * AsciiRamp.Length / 256]);
            }

            _text.Append('\n');
        }

        return _rotated.Height;
    }

    private int AppendStatus() => _inPlace ? AppendStatusInPlace() : AppendStatusWhenChanged();

    /// <summary>Redrawn under every frame: it overwrites the previous one, so it costs nothing.</summary>
    private int AppendStatusInPlace()
    {
        if (_status is null)
        {
            if (_statusShown)
            {
                // Erase the old status line; the cursor stays at its start, so it is not counted.
                _text.Append(Esc).Append("2K");
            }

            _statusShown = false;
            return 0;
        }

        _text.Append(Esc).Append("2K").Append(_status).Append('\n');
        _statusShown = true;
        return 1;
    }

    /// <summary>
    /// Appended frames (a file or a pipe) would repeat the same line under every frame, so the
    /// status is written under the first frame that has it and again only when its text changes
    /// (or it comes back after being removed): it labels the frames that follow it.
    /// </summary>
    private int AppendStatusWhenChanged()
    {
        string? previous = _appendedStatus;
        _appendedStatus = _status;
        if (_status is null || string.Equals(_status, previous, StringComparison.Ordinal))
        {
            return 0;
        }

        _text.Append(_status).Append('\n');
        return 1;
    }
}
