using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Pooling;

namespace ConvCore.Fixed.Tests.Pooling;

/// <summary>
/// The pieces of the band-wise int16 max-abs pooling (column minima and maxima over a band,
/// power-of-two sliding windows, the eight-cell vector reduction) against loops written from
/// their definitions, and the whole of it against the scalar specification (one plain scan
/// per cell): every width through a few vector widths, odd and non-integral ratios, extreme
/// values and planted ties of +a and -a. Run as they are and with DOTNET_EnableHWIntrinsic=0,
/// they check the vector paths and the scalar ones.
/// </summary>
public class BandPoolingTwinTests
{
    [Fact]
    public void BandColumnsMatchTheDefinitionAtEveryWidth()
    {
        var random = new Random(20261127);
        for (int width = 1; width <= 72; width++)
        {
            for (int trial = 0; trial < 6; trial++)
            {
                int height = random.Next(1, 7), stride = width + random.Next(0, 4);
                short[] data = Values(random, (stride * (height - 1)) + width, trial);
                var plane = new ReadOnlyPlane<short>(data, width, height, stride);
                int y0 = random.Next(height), y1 = random.Next(y0 + 1, height + 1);
                var low = new short[width + 3];
                var high = new short[width + 3];
                low.AsSpan().Fill(123);
                high.AsSpan().Fill(123);

                BandColumns.MinMax(plane, y0, y1, low, high);

                for (int x = 0; x < width; x++)
                {
                    short min = short.MaxValue, max = short.MinValue;
                    for (int y = y0; y < y1; y++)
                    {
                        min = Math.Min(min, plane[y, x]);
                        max = Math.Max(max, plane[y, x]);
                    }

                    Assert.True(min == low[x] && max == high[x], $"width {width}, rows [{y0}, {y1}), column {x}: ({low[x]}, {high[x]}) instead of ({min}, {max})");
                }

                Assert.Equal([123, 123, 123], low[width..]); // nothing written past the width
            }
        }
    }

    [Fact]
    public void SlidingWindowsMatchTheDefinitionForEveryLengthAndSpan()
    {
        var random = new Random(7);
        for (int length = 1; length <= 80; length++)
        {
            for (int span = 1; span <= length; span *= 2)
            {
                short[] low = Values(random, length, length + span);
                short[] high = Values(random, length, length * span);
                short[] lowBefore = (short[])low.Clone(), highBefore = (short[])high.Clone();

                SlidingRange.Widen(low, high, length, span);

                for (int x = 0; x <= length - span; x++)
                {
                    short min = short.MaxValue, max = short.MinValue;
                    for (int i = x; i < x + span; i++)
                    {
                        min = Math.Min(min, lowBefore[i]);
                        max = Math.Max(max, highBefore[i]);
                    }

                    Assert.True(min == low[x] && max == high[x], $"length {length}, span {span}, x {x}");
                }
            }
        }
    }

    [Fact]
    public void CellReductionMatchesTheDefinitionForAnyCellWidths()
    {
        var random = new Random(99);
        for (int trial = 0; trial < 400; trial++)
        {
            int cells = random.Next(1, 30);
            var starts = new int[cells + 1];
            starts[0] = random.Next(0, 5);
            for (int g = 1; g <= cells; g++)
            {
                // Mostly the narrow widths the LED grids give (8 to 16), sometimes wide ones.
                starts[g] = starts[g - 1] + (trial % 4 == 0 ? random.Next(8, 60) : random.Next(8, 17));
            }

            int length = starts[cells] + random.Next(0, 5);
            short[] low = Values(random, length, trial), high = Values(random, length, trial + 1);
            var min = new short[cells + 2];
            var max = new short[cells + 2];

            CellColumns.Reduce(low, high, starts, min, max);

            for (int g = 0; g < cells; g++)
            {
                short lo = short.MaxValue, hi = short.MinValue;
                for (int x = starts[g]; x < starts[g + 1]; x++)
                {
                    lo = Math.Min(lo, low[x]);
                    hi = Math.Max(hi, high[x]);
                }

                Assert.True(lo == min[g] && hi == max[g], $"trial {trial}, cell {g} of {cells} [{starts[g]}, {starts[g + 1]})");
            }

            Assert.Equal([0, 0], min[cells..]);
        }
    }

    [Fact]
    public void CellReductionRefusesCellsNarrowerThanAVector()
    {
        var columns = new short[40];
        var result = new short[2];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CellColumns.Reduce(columns, columns, new[] { 0, 10, 17 }, result, result));
        Assert.Contains("[10, 17)", e.Message);
    }

    [Fact]
    public void SignedPeakPicksTheLargerMagnitudeAndFlagsExactlyThePlusMinusTies()
    {
        var random = new Random(1234);
        short[] edges = [short.MinValue, -short.MaxValue, -1, 0, 1, short.MaxValue];
        for (int count = 0; count <= 40; count++)
        {
            for (int trial = 0; trial < 25; trial++)
            {
                var min = new short[count];
                var max = new short[count];
                for (int g = 0; g < count; g++)
                {
                    int a = trial % 2 == 0 ? edges[random.Next(edges.Length)] : random.Next(-4, 5);
                    int b = random.Next(3) == 0 ? -a : trial % 2 == 0 ? edges[random.Next(edges.Length)] : random.Next(-4, 5);
                    min[g] = (short)Math.Clamp(Math.Min(a, b), short.MinValue, short.MaxValue);
                    max[g] = (short)Math.Clamp(Math.Max(a, b), short.MinValue, short.MaxValue);
                }

                var output = new short[count + 1];
                output[count] = 77;
                bool ties = SignedPeak.Pick(min, max, output, count);

                bool expectedTies = false;
                for (int g = 0; g < count; g++)
                {
                    int lo = min[g], hi = max[g];
                    short expected = Math.Abs(hi) > Math.Abs(lo) ? max[g] : min[g];
                    expectedTies |= hi == -lo && hi != 0;
                    Assert.True(expected == output[g], $"count {count}, cell {g}: min {lo}, max {hi} gave {output[g]}");
                }

                Assert.Equal(expectedTies, ties);
                Assert.Equal(77, output[count]);
            }
        }
    }

    [Fact]
    public void GridMaxAbsMatchesTheScalarSpecificationOnRandomGrids()
    {
        var random = new Random(314);
        for (int trial = 0; trial < 500; trial++)
        {
            // Widths up to 300 reach cells of every kind: narrow (sliding windows), one to two
            // vectors (the usual LED case) and wide; ratios are mostly not integral.
            int w = random.Next(1, 301), h = random.Next(1, 25);
            int gw = random.Next(1, Math.Min(w, 70) + 1), gh = random.Next(1, h + 1);
            int stride = w + random.Next(0, 5);
            short[] data = Values(random, (stride * (h - 1)) + w, trial);
            if (trial % 3 == 0)
            {
                PlantTies(random, data, w, h, stride, gw, gh);
            }

            AssertMatchesSpecification(new ReadOnlyPlane<short>(data, w, h, stride), gw, gh, $"trial {trial}: {w}x{h} -> {gw}x{gh}");
        }
    }

    [Theory]
    [InlineData(638, 478, 64, 32)] // the pipeline's sobel-x map of a 640x480 frame
    [InlineData(638, 478, 16, 16)]
    [InlineData(638, 478, 8, 8)]
    [InlineData(158, 118, 64, 32)] // the default 160x120 work size: cells narrower than a vector
    [InlineData(640, 480, 64, 32)] // integral ratio: every cell 10x15
    [InlineData(2048, 5, 7, 2)] // the widest map the band path takes
    [InlineData(2049, 5, 7, 2)] // just past it: the per-cell reduction
    [InlineData(17, 9, 17, 9)] // one pixel per cell
    public void GridMaxAbsMatchesTheScalarSpecificationAtTheSizesThatMatter(int w, int h, int gw, int gh)
    {
        var random = new Random((w * 31) + gw);
        for (int trial = 0; trial < 4; trial++)
        {
            short[] data = Values(random, w * h, trial);
            PlantTies(random, data, w, h, w, gw, gh);
            AssertMatchesSpecification(new ReadOnlyPlane<short>(data, w, h), gw, gh, $"{w}x{h} -> {gw}x{gh}, trial {trial}");
        }
    }

    [Theory]
    [InlineData(100, 30, 10, 2)] // 10-wide cells: the vector cell reduction where accelerated
    [InlineData(30, 30, 10, 2)] // 3-wide cells: the sliding windows
    public void OnPlusAndMinusATheFirstInRowMajorOrderWinsNotTheFirstColumn(int w, int h, int gw, int gh)
    {
        int cw = w / gw, ch = h / gh;
        foreach (bool negativeFirst in new[] { true, false })
        {
            var data = new short[w * h];
            for (int gy = 0; gy < gh; gy++)
            {
                for (int gx = 0; gx < gw; gx++)
                {
                    // The earlier row holds its value in the cell's last column, the later row in
                    // its first: row-major order, not column order, decides.
                    int x0 = gx * cw, y0 = gy * ch;
                    short a = (short)(100 + gx + (gy * gw));
                    data[((y0 + 1) * w) + x0 + cw - 1] = negativeFirst ? (short)-a : a;
                    data[((y0 + 2) * w) + x0] = negativeFirst ? a : (short)-a;
                }
            }

            var output = new short[gw * gh];
            GridPooling.MaxAbs(new ReadOnlyPlane<short>(data, w, h), new Plane<short>(output, gw, gh));

            for (int g = 0; g < gw * gh; g++)
            {
                short a = (short)(100 + g);
                Assert.Equal(negativeFirst ? -a : a, output[g]);
            }
        }
    }

    [Fact]
    public void ExtremesKeepTheirSignAndMinus32768BeatsPlus32767()
    {
        // |-32768| is the largest magnitude of all; 32767 and -32767 tie, the first wins.
        var data = new short[40 * 4];
        data[3] = short.MaxValue;
        data[45] = short.MinValue;
        data[10 + 40] = -short.MaxValue;
        data[12 + 80] = short.MaxValue;
        data[25 + 120] = short.MinValue;
        data[33] = short.MaxValue;
        var output = new short[4];

        GridPooling.MaxAbs(new ReadOnlyPlane<short>(data, 40, 4), new Plane<short>(output, 4, 1));

        Assert.Equal([short.MinValue, -short.MaxValue, short.MinValue, short.MaxValue], output);
    }

    [Theory]
    [InlineData(638, 478, 64, 32)]
    [InlineData(638, 478, 8, 8)]
    [InlineData(158, 118, 64, 32)]
    [InlineData(2048, 8, 64, 2)]
    public void PoolingAllocatesNothing(int w, int h, int gw, int gh)
    {
        short[] data = Values(new Random(5), w * h, 1);
        PlantTies(new Random(6), data, w, h, w, gw, gh);
        var output = new short[gw * gh];
        Allocation.AllocationProbe.AssertAllocatesNothing(
            () => GridPooling.MaxAbs(new ReadOnlyPlane<short>(data, w, h), new Plane<short>(output, gw, gh)), calls: 60);
    }

    private static void AssertMatchesSpecification(ReadOnlyPlane<short> input, int gw, int gh, string what)
    {
        var actual = new short[gw * gh];
        GridPooling.MaxAbs(input, new Plane<short>(actual, gw, gh));
        for (int gy = 0; gy < gh; gy++)
        {
            for (int gx = 0; gx < gw; gx++)
            {
                int y0 = (int)((long)gy * input.Height / gh), y1 = (int)((long)(gy + 1) * input.Height / gh);
                int x0 = (int)((long)gx * input.Width / gw), x1 = (int)((long)(gx + 1) * input.Width / gw);
                short expected = default(MaxAbsCell<short>).Summarise(input, y0, y1, x0, x1);
                Assert.True(expected == actual[(gy * gw) + gx], $"{what}, cell ({gx}, {gy}): {actual[(gy * gw) + gx]} instead of {expected}");
            }
        }
    }

    /// <summary>Random int16s: small ones (many equal magnitudes), full-range ones, or full-range with many extremes.</summary>
    private static short[] Values(Random random, int count, int kind)
    {
        var data = new short[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (kind % 3) switch
            {
                0 => (short)random.Next(-3, 4),
                1 => (short)random.Next(short.MinValue, short.MaxValue + 1),
                _ => random.Next(3) == 0 ? (random.Next(2) == 0 ? short.MinValue : short.MaxValue) : (short)random.Next(short.MinValue, short.MaxValue + 1),
            };
        }

        return data;
    }

    /// <summary>In about half the cells, writes +a and -a (a above every other magnitude there) at two random places.</summary>
    private static void PlantTies(Random random, short[] data, int w, int h, int stride, int gw, int gh)
    {
        for (int gy = 0; gy < gh; gy++)
        {
            for (int gx = 0; gx < gw; gx++)
            {
                if (random.Next(2) == 0)
                {
                    continue;
                }

                int y0 = gy * h / gh, y1 = (gy + 1) * h / gh, x0 = gx * w / gw, x1 = (gx + 1) * w / gw;
                short a = (short)random.Next(32760, 32768);
                int first = (random.Next(y0, y1) * stride) + random.Next(x0, x1);
                int second = (random.Next(y0, y1) * stride) + random.Next(x0, x1);
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        data[(y * stride) + x] = (short)Math.Clamp((int)data[(y * stride) + x], -32000, 32000);
                    }
                }

                data[first] = random.Next(2) == 0 ? a : (short)-a;
                data[second] = data[first] == a ? (short)-a : a;
            }
        }
    }
}
