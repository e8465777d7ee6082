using System.Numerics;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Pooling;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Pooling;

public class AreaDownscaleTests
{
    [Fact]
    public void ThreePixelsIntoTwoWeightTheMiddleOneHalfEachWay()
    {
        // destination 0 covers [0, 1.5): (0 + 0.5 x 100) / 1.5 = 33.3 -> 33
        // destination 1 covers [1.5, 3): (0.5 x 100 + 200) / 1.5 = 166.7 -> 167
        byte[] source = [0, 100, 200];
        var destination = new byte[2];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, 3, 1), new Plane<byte>(destination, 2, 1));

        Assert.Equal([33, 167], destination);
    }

    [Fact]
    public void ExactHalvesRoundToEven()
    {
        // 2:1 block means 0.5, 1.5, 2.5 -> 0, 2, 2
        byte[] source = [0, 1, 1, 2, 2, 3];
        var destination = new byte[3];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, 6, 1), new Plane<byte>(destination, 3, 1));

        Assert.Equal([0, 2, 2], destination);
    }

    [Fact]
    public void FractionalHalfRoundsToEven()
    {
        // 3x2 -> 2x1. Destination 0 covers columns [0, 1.5) of both rows: column 0 fully,
        // column 1 by half, area 3: (1 + 0 + 0.5 x (1 + 0)) / 3 = 0.5 -> 0 (even).
        // Destination 1 covers [1.5, 3): (0.5 x (1 + 0) + 9 + 9) / 3 = 6.17 -> 6.
        byte[] source = [1, 1, 9, 0, 0, 9];
        var destination = new byte[2];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, 3, 2), new Plane<byte>(destination, 2, 1));

        Assert.Equal([0, 6], destination);
    }

    [Fact]
    public void SameSizeIsACopy()
    {
        byte[] source = Enumerable.Range(0, 5 * 4).Select(i => (byte)(i * 13)).ToArray();
        var destination = new byte[5 * 4];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, 5, 4), new Plane<byte>(destination, 5, 4));

        Assert.Equal(source, destination);
    }

    [Theory]
    [InlineData(640, 480, 160, 120)]
    [InlineData(1920, 1080, 320, 240)]
    [InlineData(64, 48, 13, 7)]
    public void AConstantImageStaysConstant(int sw, int sh, int dw, int dh)
    {
        var source = Enumerable.Repeat((byte)201, sw * sh).ToArray();
        var destination = new byte[dw * dh];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, sw, sh), new Plane<byte>(destination, dw, dh));

        Assert.All(destination, v => Assert.Equal(201, v));
    }

    [Fact]
    public void RandomSizesMatchTheOverlapDefinition()
    {
        var gen =
            from sw in Gen.Int[1, 30]
            from sh in Gen.Int[1, 20]
            from dw in Gen.Int[1, sw]
            from dh in Gen.Int[1, sh]
            from pad in Gen.Int[0, 2]
            from data in Gen.Frequency((1, Gen.Const((byte)0)), (1, Gen.Const((byte)255)), (4, Gen.Byte)).Array[sh * (sw + pad)]
            select (sw, sh, dw, dh, pad, data);

        SeededSamples.Run(gen, 4242, 300, c =>
        {
            var destination = new byte[c.dw * c.dh];
            AreaDownscale.Resize(new ReadOnlyPlane<byte>(c.data, c.sw, c.sh, c.sw + c.pad), new Plane<byte>(destination, c.dw, c.dh));
            Assert.Equal(Reference(c.data, c.sw, c.sh, c.sw + c.pad, c.dw, c.dh), destination);
        });
    }

    [Fact]
    public void RefusesToEnlarge()
    {
        var source = new byte[4 * 4];
        var destination = new byte[5 * 4];

        var e = Assert.Throws<ArgumentException>(() =>
            AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, 4, 4), new Plane<byte>(destination, 5, 4)));

        Assert.Equal("destination", e.ParamName);
        Assert.Contains("cannot enlarge", e.Message);
        Assert.Contains("5x4", e.Message);
    }

    [Theory]
    [InlineData(640, 480, 160, 120)]
    [InlineData(1920, 1080, 320, 240)]
    public void AllocatesNothingPerCall(int sw, int sh, int dw, int dh)
    {
        var source = new byte[sw * sh];
        new Random(1).NextBytes(source);
        var destination = new byte[dw * dh];

        AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, sw, sh), new Plane<byte>(destination, dw, dh));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++)
        {
            AreaDownscale.Resize(new ReadOnlyPlane<byte>(source, sw, sh), new Plane<byte>(destination, dw, dh));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// Every source pixel against every destination pixel: overlap of [sx, sx + 1) and
    /// [dx W / w, (dx + 1) W / w), as exact fractions with denominator w (and h for rows).
    /// </summary>
    private static byte[] Reference(byte[] data, int sw, int sh, int stride, int dw, int dh)
    {
        var result = new byte[dw * dh];
        for (int dy = 0; dy < dh; dy++)
        {
            for (int dx = 0; dx < dw; dx++)
            {
                long sum = 0; // at most 255 x (w W) x (h H): far inside a long here
                for (int sy = 0; sy < sh; sy++)
                {
                    long oy = Overlap(sy * dh, (sy + 1) * dh, dy * sh, (dy + 1) * sh);
                    for (int sx = 0; sx < sw && oy > 0; sx++)
                    {
                        long ox = Overlap(sx * dw, (sx + 1) * dw, dx * sw, (dx + 1) * sw);
                        sum += oy * ox * data[(sy * stride) + sx];
                    }
                }

                result[(dy * dw) + dx] = (byte)BigRounding.DivideHalfEven(sum, (BigInteger)sw * sh);
            }
        }

        return result;
    }

    private static long Overlap(long a0, long a1, long b0, long b1) => Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));
}
