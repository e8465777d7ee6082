using System.Numerics;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// The specification: every output pixel is the exact sum over the kernel's non-zero taps,
/// accumulated in a long, then stored through the requantiser. Every fast path must equal
/// this bit for bit. Kept deliberately plain.
/// </summary>
internal static class ScalarCorrelation
{
    /// <summary>Computes every output pixel in <paramref name="region"/>.</summary>
    public static void Run<TIn, TOut, TStore>(
        ReadOnlyPlane<TIn> input, FixedKernel kernel, Plane<TOut> output, in CorrelationGeometry g, OutputRegion region, TStore store)
        where TIn : unmanaged, IBinaryInteger<TIn>
        where TOut : unmanaged
        where TStore : struct, IAccumulatorStore<TOut>
    {
        ReadOnlySpan<KernelTap> taps = kernel.NonZeroTaps;
        for (int oy = region.Top; oy < region.Bottom; oy++)
        {
            Span<TOut> row = output.Row(oy);
            for (int ox = region.Left; ox < region.Right; ox++)
            {
                row[ox] = store.Store(AccumulatePixel(input, taps, g, oy, ox));
            }
        }
    }

    /// <summary>Computes every output pixel outside <paramref name="interior"/> (the border ring).</summary>
    public static void RunBorder<TIn, TOut, TStore>(
        ReadOnlyPlane<TIn> input, FixedKernel kernel, Plane<TOut> output, in CorrelationGeometry g, OutputRegion interior, TStore store)
        where TIn : unmanaged, IBinaryInteger<TIn>
        where TOut : unmanaged
        where TStore : struct, IAccumulatorStore<TOut>
    {
        int w = g.OutputWidth;
        int h = g.OutputHeight;
        if (interior.IsEmpty)
        {
            Run(input, kernel, output, g, new OutputRegion(0, h, 0, w), store);
            return;
        }

        Run(input, kernel, output, g, new OutputRegion(0, interior.Top, 0, w), store);
        Run(input, kernel, output, g, new OutputRegion(interior.Bottom, h, 0, w), store);
        Run(input, kernel, output, g, new OutputRegion(interior.Top, interior.Bottom, 0, interior.Left), store);
        Run(input, kernel, output, g, new OutputRegion(interior.Top, interior.Bottom, interior.Right, w), store);
    }

    /// <summary>
    /// sum over taps of weight x input(y0 + row, x0 + col), where (y0, x0) is the window's
    /// top-left; outside the input a sample is 0 (SameZero) or the nearest edge pixel
    /// (SameReplicate). Valid mode never reads outside.
    /// </summary>
    public static long AccumulatePixel<TIn>(ReadOnlyPlane<TIn> input, ReadOnlySpan<KernelTap> taps, in CorrelationGeometry g, int oy, int ox)
        where TIn : unmanaged, IBinaryInteger<TIn>
    {
        int y0 = (oy * g.StrideY) - g.AnchorY;
        int x0 = (ox * g.StrideX) - g.AnchorX;
        bool replicate = g.Mode == BorderMode.SameReplicate;
        long acc = 0;
        foreach (KernelTap tap in taps)
        {
            int y = y0 + tap.Row;
            int x = x0 + tap.Col;
            if ((uint)y >= (uint)input.Height || (uint)x >= (uint)input.Width)
            {
                if (!replicate)
                {
                    continue;
                }

                y = Math.Clamp(y, 0, input.Height - 1);
                x = Math.Clamp(x, 0, input.Width - 1);
            }

            acc += long.CreateTruncating(input[y, x]) * tap.Weight;
        }

        return acc;
    }
}
