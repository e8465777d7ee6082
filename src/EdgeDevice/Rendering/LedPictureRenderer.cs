using EdgeDevice.Display;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Rendering;

/// <summary>
/// Draws an LED frame as the matrix looks: round LEDs with gaps on a dark board, one LED per
/// <see cref="LedPictureStyle.Pitch"/> x Pitch square, centred in it.
/// </summary>
/// <remarks>
/// Circles are drawn per pixel from the distance between the pixel's centre and the LED's
/// centre: coverage = clamp(radius + 1/2 - distance, 0, 1), which blends a one-pixel rim into
/// the board (simple anti-aliasing). The coverage of one LED square is computed once and
/// reused for every LED.
/// </remarks>
public sealed class LedPictureRenderer
{
    private readonly float[] _coverage;

    public LedPictureRenderer(LedPictureStyle? style = null)
    {
        Style = style ?? LedPictureStyle.Default;
        Style.Validate();
        int pitch = Style.Pitch;
        _coverage = new float[pitch * pitch];
        double centre = pitch / 2.0;
        double radius = Style.Diameter / 2.0;
        for (int y = 0; y < pitch; y++)
        {
            for (int x = 0; x < pitch; x++)
            {
                double dx = x + 0.5 - centre;
                double dy = y + 0.5 - centre;
                double d = Math.Sqrt((dx * dx) + (dy * dy));
                _coverage[(y * pitch) + x] = (float)Math.Clamp(radius + 0.5 - d, 0, 1);
            }
        }
    }

    public LedPictureStyle Style { get; }

    /// <summary>The picture size for a matrix of <paramref name="ledsWide"/> x <paramref name="ledsHigh"/> LEDs.</summary>
    public (int Width, int Height) PictureSize(int ledsWide, int ledsHigh) => (ledsWide * Style.Pitch, ledsHigh * Style.Pitch);

    /// <summary>A new picture of <paramref name="frame"/>; the caller disposes it.</summary>
    public Image<Rgb24> Render(LedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        (int w, int h) = PictureSize(frame.Width, frame.Height);
        var image = new Image<Rgb24>(w, h);
        RenderInto(frame, image, 0, 0);
        return image;
    }

    /// <summary>Draws <paramref name="frame"/> into <paramref name="image"/> with its top-left corner at (left, top).</summary>
    public void RenderInto(LedFrame frame, Image<Rgb24> image, int left, int top)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(image);
        (int w, int h) = PictureSize(frame.Width, frame.Height);
        if (left < 0 || top < 0 || left + w > image.Width || top + h > image.Height)
        {
            throw new ArgumentException($"A {w}x{h} LED picture at ({left}, {top}) does not fit a {image.Width}x{image.Height} image.", nameof(image));
        }

        int pitch = Style.Pitch;
        Rgb board = Style.Board;
        for (int ly = 0; ly < frame.Height; ly++)
        {
            for (int lx = 0; lx < frame.Width; lx++)
            {
                Rgb led = frame[lx, ly];
                if (led == Rgb.Black)
                {
                    led = Style.Unlit;
                }

                for (int y = 0; y < pitch; y++)
                {
                    for (int x = 0; x < pitch; x++)
                    {
                        float a = _coverage[(y * pitch) + x];
                        image[left + (lx * pitch) + x, top + (ly * pitch) + y] = new Rgb24(
                            Blend(board.R, led.R, a), Blend(board.G, led.G, a), Blend(board.B, led.B, a));
                    }
                }
            }
        }
    }

    /// <summary>Writes the picture of <paramref name="frame"/> as a PNG (temporary file, then rename).</summary>
    public void SavePng(LedFrame frame, string path)
    {
        using Image<Rgb24> image = Render(frame);
        OutputFolder.SaveAtomically(image, path, new PngEncoder());
    }

    private static byte Blend(byte under, byte over, float alpha) =>
        (byte)Math.Round(under + ((over - under) * alpha), MidpointRounding.AwayFromZero);
}
