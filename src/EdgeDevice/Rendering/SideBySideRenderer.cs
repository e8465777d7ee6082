using ConvCore.Fixed.Planes;
using EdgeDevice.Display;
using EdgeDevice.Pipeline;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;

namespace EdgeDevice.Rendering;

/// <summary>
/// The picture a user shares: input luminance | feature map | LED view, side by side on the
/// board colour with <see cref="Gap"/>-pixel gaps around and between the panels.
/// </summary>
/// <remarks>
/// Every panel is as tall as the LED view (LEDs high x pitch). The luminance and the feature
/// map keep their aspect ratio at that height: enlarged with nearest neighbour (a tiny image
/// stays crisp squares) or reduced with a box filter. The feature map is scaled so its own
/// peak |v| is full brightness: signed maps show positive red and negative blue on black,
/// magnitude maps the LEDs' black-orange-white ramp. No gamma here: screens expect sRGB.
/// </remarks>
public sealed class SideBySideRenderer
{
    public SideBySideRenderer(LedPictureRenderer? ledRenderer = null, int gap = 8)
    {
        if (gap < 0 || gap > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must be between 0 and 256 pixels.");
        }

        LedRenderer = ledRenderer ?? new LedPictureRenderer();
        Gap = gap;
    }

    public LedPictureRenderer LedRenderer { get; }

    public int Gap { get; }

    /// <summary>The width a panel of a width x height plane gets at <paramref name="panelHeight"/>: round(width x panelHeight / height), at least 1.</summary>
    public static int PanelWidth(int width, int height, int panelHeight) =>
        Math.Max(1, (int)((((long)width * panelHeight * 2) + height) / (2L * height)));

    /// <summary>A new picture; the caller disposes it.</summary>
    public Image<Rgb24> Render(ReadOnlyPlane<byte> luma, ReadOnlyPlane<short> featureMap, MapMode map, LedFrame leds)
    {
        ArgumentNullException.ThrowIfNull(leds);
        if (map == MapMode.Auto)
        {
            throw new ArgumentException("Pass the resolved map (Signed or Magnitude), e.g. FramePipeline.EffectiveMap.", nameof(map));
        }

        (int ledWidth, int panelHeight) = LedRenderer.PictureSize(leds.Width, leds.Height);
        int lumaWidth = PanelWidth(luma.Width, luma.Height, panelHeight);
        int featureWidth = PanelWidth(featureMap.Width, featureMap.Height, panelHeight);
        int width = (4 * Gap) + lumaWidth + featureWidth + ledWidth;
        int height = (2 * Gap) + panelHeight;
        Rgb board = LedRenderer.Style.Board;
        var canvas = new Image<Rgb24>(width, height, new Rgb24(board.R, board.G, board.B));
        try
        {
            using (Image<Rgb24> lumaPanel = LumaPicture(luma))
            {
                Place(canvas, lumaPanel, Gap, Gap, lumaWidth, panelHeight);
            }

            using (Image<Rgb24> featurePanel = FeaturePicture(featureMap, map))
            {
                Place(canvas, featurePanel, (2 * Gap) + lumaWidth, Gap, featureWidth, panelHeight);
            }

            LedRenderer.RenderInto(leds, canvas, (3 * Gap) + lumaWidth + featureWidth, Gap);
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    /// <summary>Writes the picture as a PNG (temporary file, then rename).</summary>
    public void SavePng(ReadOnlyPlane<byte> luma, ReadOnlyPlane<short> featureMap, MapMode map, LedFrame leds, string path)
    {
        using Image<Rgb24> image = Render(luma, featureMap, map, leds);
        OutputFolder.SaveAtomically(image, path, new PngEncoder());
    }

    private static Image<Rgb24> LumaPicture(ReadOnlyPlane<byte> luma)
    {
        var image = new Image<Rgb24>(luma.Width, luma.Height);
        for (int y = 0; y < luma.Height; y++)
        {
            for (int x = 0; x < luma.Width; x++)
            {
                byte v = luma[y, x];
                image[x, y] = new Rgb24(v, v, v);
            }
        }

        return image;
    }

    private static Image<Rgb24> FeaturePicture(ReadOnlyPlane<short> feature, MapMode map)
    {
        int peak = 0;
        for (int y = 0; y < feature.Height; y++)
        {
            foreach (short v in feature.Row(y))
            {
                peak = Math.Max(peak, Math.Abs((int)v));
            }
        }

        var image = new Image<Rgb24>(feature.Width, feature.Height);
        for (int y = 0; y < feature.Height; y++)
        {
            for (int x = 0; x < feature.Width; x++)
            {
                int v = feature[y, x];
                int intensity = peak == 0 ? 0 : (int)(((Math.Abs(v) * 510L) + peak) / (2L * peak));
                Rgb c = map == MapMode.Magnitude ? ColorRamp.Magnitude(intensity)
                    : v < 0 ? ColorRamp.Negative(intensity) : ColorRamp.Positive(intensity);
                image[x, y] = new Rgb24(c.R, c.G, c.B);
            }
        }

        return image;
    }

    private static void Place(Image<Rgb24> canvas, Image<Rgb24> panel, int left, int top, int width, int height)
    {
        IResampler sampler = width >= panel.Width && height >= panel.Height ? KnownResamplers.NearestNeighbor : KnownResamplers.Box;
        panel.Mutate(p => p.Resize(width, height, sampler));
        canvas.Mutate(c => c.DrawImage(panel, new Point(left, top), 1f));
    }
}
