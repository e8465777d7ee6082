using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Shrinks an 8-bit frame by true area averaging (what OpenCV calls INTER_AREA): each
/// destination pixel is the mean of the source rectangle it covers, partly covered source
/// pixels weighted by their overlap, rounded half to even. Exact integer arithmetic.
/// </summary>
/// <remarks>
/// Allocation-free with no workspace and no tables: the overlaps are stepped along with
/// additions as the destination is walked (only the two end pixels of a span can be
/// partial), each source pixel is read about once, and the final division is a multiply.
/// Integer ratios (640x480 to 160x120) take a plain block-sum path. Refuses to enlarge:
/// that is not an area average.
/// </remarks>
public static class AreaDownscale
{
    public static void Resize(ReadOnlyPlane<byte> source, Plane<byte> destination)
    {
        int sw = source.Width, sh = source.Height, dw = destination.Width, dh = destination.Height;
        if (dw > sw || dh > sh)
        {
            throw new ArgumentException(
                $"The destination is {dw}x{dh} but the source only {sw}x{sh}: area downscaling cannot enlarge an image.",
                nameof(destination));
        }

        if (dw == sw && dh == sh)
        {
            for (int y = 0; y < sh; y++)
            {
                source.Row(y).CopyTo(destination.Row(y));
            }
        }
        else if (sw % dw == 0 && sh % dh == 0)
        {
            BlockAverage(source, destination, sw / dw, sh / dh);
        }
        else
        {
            FractionalAverage(source, destination);
        }
    }

    /// <summary>Integer ratios: every covered pixel counts fully, so the mean is a block sum / (fx fy).</summary>
    private static void BlockAverage(ReadOnlyPlane<byte> source, Plane<byte> destination, int fx, int fy)
    {
        long count = (long)fx * fy;
        bool fast = RoundingDivider.Fits(count, byte.MaxValue);
        var divider = fast ? new RoundingDivider((uint)count) : default;
        ReadOnlySpan<byte> data = source.Data;
        for (int dy = 0; dy < destination.Height; dy++)
        {
            Span<byte> outRow = destination.Row(dy);
            int rowStart = dy * fy * source.Stride;
            for (int dx = 0; dx < outRow.Length; dx++)
            {
                long sum = 0;
                for (int i = 0, start = rowStart + (dx * fx); i < fy; i++, start += source.Stride)
                {
                    int rowSum = 0;
                    foreach (byte p in data.Slice(start, fx))
                    {
                        rowSum += p;
                    }

                    sum += rowSum;
                }

                outRow[dx] = (byte)(fast ? divider.Divide((uint)sum) : IntegerDivision.RoundHalfEven(sum, count));
            }
        }
    }

    /// <summary>
    /// Any ratio: sum over covered source pixels of (x overlap) x (y overlap) x pixel, divided
    /// by the destination pixel's area W x H in the same units.
    /// </summary>
    private static void FractionalAverage(ReadOnlyPlane<byte> source, Plane<byte> destination)
    {
        int sw = source.Width, sh = source.Height, dw = destination.Width, dh = destination.Height;
        long area = (long)sw * sh;
        bool fast = RoundingDivider.Fits(area, byte.MaxValue);
        var divider = fast ? new RoundingDivider((uint)area) : default;
        ReadOnlySpan<byte> data = source.Data;
        int stride = source.Stride;
        var rows = new AreaSpanWalker(sh, dh);
        for (int dy = 0; dy < dh; dy++)
        {
            AreaSpan ys = rows.Next();
            Span<byte> outRow = destination.Row(dy);
            var columns = new AreaSpanWalker(sw, dw);
            for (int dx = 0; dx < dw; dx++)
            {
                AreaSpan xs = columns.Next();
                // Top and bottom rows may be partly covered; the rows between count fully.
                long sum = (long)ys.FirstWeight * xs.WeightedSum(data, ys.First * stride);
                if (ys.Last != ys.First)
                {
                    long inner = 0;
                    for (int sy = ys.First + 1; sy < ys.Last; sy++)
                    {
                        inner += xs.WeightedSum(data, sy * stride);
                    }

                    sum += (inner * ys.FullWeight) + ((long)ys.LastWeight * xs.WeightedSum(data, ys.Last * stride));
                }

                outRow[dx] = (byte)(fast ? divider.Divide((uint)sum) : IntegerDivision.RoundHalfEven(sum, area));
            }
        }
    }
}
