using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Pooling;

namespace ConvCore.Fixed.Tests.Pooling;

/// <summary>The vectorised int16 max-abs cell and peak against the plain scan, with many ties.</summary>
public class VectorMaxAbsTests
{
    [Fact]
    public void MatchesThePlainCellOnTiesExtremesAndEveryWidth()
    {
        var random = new Random(20261127);
        for (int trial = 0; trial < 600; trial++)
        {
            int w = random.Next(1, 90), h = random.Next(1, 12);
            int stride = w + random.Next(0, 5);
            var data = new short[(stride * (h - 1)) + w];
            int spread = trial % 3 == 0 ? 3 : 40000;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = trial % 7 == 0 && random.Next(4) == 0
                    ? (random.Next(2) == 0 ? short.MinValue : short.MaxValue)
                    : (short)Math.Clamp(random.Next(-spread, spread + 1), short.MinValue, short.MaxValue);
            }

            var plane = new ReadOnlyPlane<short>(data, w, h, stride);
            int y0 = random.Next(h), y1 = random.Next(y0 + 1, h + 1);
            int x0 = random.Next(w), x1 = random.Next(x0 + 1, w + 1);
            short expected = default(MaxAbsCell<short>).Summarise(plane, y0, y1, x0, x1);
            short actual = default(MaxAbsInt16Cell).Summarise(plane, y0, y1, x0, x1);
            Assert.Equal(expected, actual);

            int peak = 0;
            for (int y = 0; y < h; y++)
            {
                foreach (short v in plane.Row(y))
                {
                    peak = Math.Max(peak, Math.Abs((int)v));
                }
            }

            Assert.Equal(peak, PeakMagnitude.Of(plane));
        }
    }

    [Fact]
    public void TheFirstOfPlusAndMinusAWins()
    {
        short[] a = [1, -7, 3, 7, 0];
        short[] b = [1, 7, 3, -7, 0];
        Assert.Equal(-7, default(MaxAbsInt16Cell).Summarise(new ReadOnlyPlane<short>(a, 5, 1), 0, 1, 0, 5));
        Assert.Equal(7, default(MaxAbsInt16Cell).Summarise(new ReadOnlyPlane<short>(b, 5, 1), 0, 1, 0, 5));
    }
}

public class MaxAbsBandTests
{
    [Fact]
    public void GridMaxAbsMatchesThePlainScanOnWholeGrids()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int w = random.Next(1, 120), h = random.Next(1, 40);
            int gw = random.Next(1, w + 1), gh = random.Next(1, h + 1);
            int stride = w + random.Next(0, 3);
            var data = new short[(stride * (h - 1)) + w];
            int spread = trial % 2 == 0 ? 2 : 32768;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (short)Math.Clamp(random.Next(-spread, spread), short.MinValue, short.MaxValue);
            }

            var input = new ReadOnlyPlane<short>(data, w, h, stride);
            var actual = new short[gw * gh];
            GridPooling.MaxAbs(input, new Plane<short>(actual, gw, gh));
            for (int gy = 0; gy < gh; gy++)
            {
                for (int gx = 0; gx < gw; gx++)
                {
                    short expected = default(MaxAbsCell<short>).Summarise(input, gy * h / gh, (gy + 1) * h / gh, gx * w / gw, (gx + 1) * w / gw);
                    Assert.Equal(expected, actual[(gy * gw) + gx]);
                }
            }
        }
    }
}
