using ConvCore.Fixed.Kernels;
using EdgeDevice.Display;
using EdgeDevice.Frames;
using EdgeDevice.Pipeline;

namespace EdgeDevice.Tests.Pipeline;

/// <summary>Small frames and settings the pipeline tests share.</summary>
internal static class PipelineTestData
{
    /// <summary>The seed's 6x8 image: ones, with a block of zeros in columns 2..5.</summary>
    public static LumaFrame SeedImage(byte one = 1)
    {
        var frame = new LumaFrame(8, 6) { Origin = "seed" };
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 8; c++)
            {
                frame.Pixels[(r * 8) + c] = c is >= 2 and <= 5 ? (byte)0 : one;
            }
        }

        return frame;
    }

    /// <summary>A frame from rows of pixel values (all rows the same length).</summary>
    public static LumaFrame Frame(params byte[][] rows)
    {
        var frame = new LumaFrame(rows[0].Length, rows.Length) { Origin = "test" };
        for (int y = 0; y < rows.Length; y++)
        {
            rows[y].CopyTo(frame.Pixels.Slice(y * rows[0].Length, rows[0].Length));
        }

        return frame;
    }

    /// <summary>Settings that leave values alone: native size, valid mode, fixed gain 1, gamma 1, brightness 1.</summary>
    public static PipelineOptions Plain(MapMode map = MapMode.Auto, PoolingMode pooling = PoolingMode.MaxAbs) => new()
    {
        WorkWidth = 0,
        WorkHeight = 0,
        Mode = "valid",
        GainMode = GainMode.Fixed,
        Gain = 1,
        Gamma = 1,
        Brightness = 1,
        Map = map,
        Pooling = pooling,
    };

    public static DisplayCapabilities Matrix(int width, int height) => new(width, height, ColorDepth.Rgb24);

    public static Filter Kernel(string name) => KernelCatalogue.Get(name);

    /// <summary>The LED colours of row <paramref name="y"/>.</summary>
    public static Rgb[] Row(LedFrame frame, int y)
    {
        var row = new Rgb[frame.Width];
        for (int x = 0; x < frame.Width; x++)
        {
            row[x] = frame[x, y];
        }

        return row;
    }
}
