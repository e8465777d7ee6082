using System.Globalization;
using EdgeDevice.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Training;

/// <summary>
/// The loss curve as a PNG: loss on a log scale (it falls by orders of magnitude) against
/// the iteration, decade grid lines, the loss target as a dashed red line. Drawn pixel by
/// pixel with ImageSharp, so it needs no native graphics library or installed fonts.
/// </summary>
public sealed class LossPlot
{
    public const int Width = 720;
    public const int Height = 440;

    private const int Left = 70;
    private const int Right = 24;
    private const int Top = 36;
    private const int Bottom = 52;
    private const int Scale = 2;

    public static readonly Rgb24 Background = new(255, 255, 255);
    public static readonly Rgb24 Axis = new(40, 40, 40);
    public static readonly Rgb24 Grid = new(225, 225, 225);
    public static readonly Rgb24 Curve = new(31, 119, 180);
    public static readonly Rgb24 TargetLine = new(214, 39, 40);

    private readonly IReadOnlyList<LossPoint> _points;
    private readonly double? _target;
    private readonly string _title;
    private readonly int _lastIteration;
    private readonly int _lowDecade;
    private readonly int _highDecade;

    public LossPlot(LossCurve curve, double? lossTarget, string title)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            throw new ArgumentException("The loss curve has no points to plot.", nameof(curve));
        }

        _points = curve.Points;
        _target = lossTarget is double t && t > 0 && double.IsFinite(t) ? t : null;
        _title = title;
        _lastIteration = Math.Max(1, _points[^1].Iteration);
        double low = double.MaxValue, high = double.MinValue;
        foreach (LossPoint p in _points)
        {
            if (p.Loss > 0 && double.IsFinite(p.Loss))
            {
                low = Math.Min(low, p.Loss);
                high = Math.Max(high, p.Loss);
            }
        }

        if (_target is double target)
        {
            low = Math.Min(low, target);
            high = Math.Max(high, target);
        }

        if (low > high)
        {
            low = high = 1;
        }

        _lowDecade = (int)Math.Floor(Math.Log10(low));
        _highDecade = Math.Max(_lowDecade + 1, (int)Math.Ceiling(Math.Log10(high)));
    }

    /// <summary>The pixel a (iteration, loss) point lands on; losses of 0 or less sit on the bottom edge.</summary>
    public (int X, int Y) PixelOf(int iteration, double loss)
    {
        double fx = (double)iteration / _lastIteration;
        double decades = loss > 0 ? Math.Log10(loss) : _lowDecade;
        double fy = (decades - _lowDecade) / (_highDecade - _lowDecade);
        int x = Left + (int)Math.Round(fx * (Width - Left - Right - 1));
        int y = (Height - Bottom - 1) - (int)Math.Round(Math.Clamp(fy, 0, 1) * (Height - Top - Bottom - 1));
        return (x, y);
    }

    public Image<Rgb24> Render()
    {
        var image = new Image<Rgb24>(Width, Height, Background);
        DrawGrid(image);
        if (_target is double target)
        {
            var (_, ty) = PixelOf(0, target);
            for (int x = Left; x < Width - Right; x++)
            {
                if ((x - Left) % 10 < 6)
                {
                    image[x, ty] = TargetLine;
                }
            }

            PixelFont.Draw(image, "TARGET", Left + 6, ty + 4, Scale, TargetLine);
        }

        var previous = PixelOf(_points[0].Iteration, _points[0].Loss);
        image[previous.X, previous.Y] = Curve;
        foreach (LossPoint p in _points)
        {
            var next = PixelOf(p.Iteration, p.Loss);
            Line(image, previous, next, Curve);
            previous = next;
        }

        PixelFont.Draw(image, _title, Left, 12, Scale, Axis);
        string xLabel = "ITERATION";
        PixelFont.Draw(image, xLabel, Left + ((Width - Left - Right - PixelFont.Measure(xLabel, Scale)) / 2), Height - 18, Scale, Axis);
        return image;
    }

    /// <summary>Writes the PNG atomically (temp file, fsync, rename).</summary>
    public void Save(string path)
    {
        using Image<Rgb24> image = Render();
        AtomicFile.Write(path, stream => image.Save(stream, new PngEncoder()));
    }

    private void DrawGrid(Image<Rgb24> image)
    {
        int plotBottom = Height - Bottom - 1;
        for (int d = _lowDecade; d <= _highDecade; d++)
        {
            var (_, y) = PixelOf(0, Math.Pow(10, d));
            for (int x = Left; x < Width - Right; x++)
            {
                image[x, y] = Grid;
            }

            string label = string.Create(CultureInfo.InvariantCulture, $"1E{d}");
            PixelFont.Draw(image, label, Left - 8 - PixelFont.Measure(label, Scale), y - 5, Scale, Axis);
        }

        int step = NiceStep(_lastIteration);
        for (int i = 0; i <= _lastIteration; i += step)
        {
            var (x, _) = PixelOf(i, 1);
            for (int y = Top; y < plotBottom; y++)
            {
                image[x, y] = Grid;
            }

            string label = i.ToString(CultureInfo.InvariantCulture);
            PixelFont.Draw(image, label, x - (PixelFont.Measure(label, Scale) / 2), plotBottom + 8, Scale, Axis);
        }

        for (int x = Left; x < Width - Right; x++)
        {
            image[x, plotBottom] = Axis;
        }

        for (int y = Top; y <= plotBottom; y++)
        {
            image[Left, y] = Axis;
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, giving at most eight ticks.</summary>
    private static int NiceStep(int span)
    {
        for (long power = 1; ; power *= 10)
        {
            foreach (long m in new[] { 1, 2, 5 })
            {
                if (span / (m * power) <= 8)
                {
                    return (int)(m * power);
                }
            }
        }
    }

    /// <summary>A line by stepping one pixel at a time along its longer axis.</summary>
    private static void Line(Image<Rgb24> image, (int X, int Y) from, (int X, int Y) to, Rgb24 color)
    {
        int dx = to.X - from.X, dy = to.Y - from.Y;
        int steps = Math.Max(Math.Abs(dx), Math.Abs(dy));
        for (int s = 0; s <= steps; s++)
        {
            int x = from.X + (steps == 0 ? 0 : (int)Math.Round((double)dx * s / steps));
            int y = from.Y + (steps == 0 ? 0 : (int)Math.Round((double)dy * s / steps));
            image[x, y] = color;
        }
    }
}
