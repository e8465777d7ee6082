using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Gradient;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Gradient;

public class GradientMagnitudeTests
{
    [Fact]
    public void L1IsTheSumOfMagnitudesSaturated()
    {
        short[] gx = [3, -3, 0, short.MinValue, short.MaxValue, -20000];
        short[] gy = [4, 4, -7, short.MinValue, 1, -12767];
        var output = new short[6];

        GradientMagnitude.L1(Plane(gx), Plane(gy), new Plane<short>(output, 6, 1));

        Assert.Equal([7, 7, 7, short.MaxValue, short.MaxValue, 32767], output);
    }

    [Fact]
    public void L2IsTheFloorOfTheEuclideanLength()
    {
        short[] gx = [3, -5, 1, short.MinValue, 30000, -1];
        short[] gy = [4, 12, 1, short.MinValue, 10000, 0];
        var output = new short[6];

        GradientMagnitude.L2(Plane(gx), Plane(gy), new Plane<short>(output, 6, 1));

        // sqrt(2) = 1.41 -> 1; sqrt(2^31) saturates; sqrt(10^9) = 31622.78 -> 31622
        Assert.Equal([5, 13, 1, short.MaxValue, 31622, 1], output);
    }

    [Fact]
    public void RandomMapsMatchTheDefinitionInLongArithmetic()
    {
        var value = Gen.Frequency((1, Gen.Const(short.MinValue)), (1, Gen.Const(short.MaxValue)), (2, Gen.Short[-1100, 1100]), (4, Gen.Short));
        var gen =
            from w in Gen.Int[1, 40]
            from h in Gen.Int[1, 6]
            from pad in Gen.Int[0, 3]
            from gx in value.Array[h * (w + pad)]
            from gy in value.Array[h * (w + pad)]
            select (w, h, pad, gx, gy);

        SeededSamples.Run(gen, 2718, 300, c =>
        {
            int stride = c.w + c.pad;
            var x = new ReadOnlyPlane<short>(c.gx, c.w, c.h, stride);
            var y = new ReadOnlyPlane<short>(c.gy, c.w, c.h, stride);
            var l1 = new short[c.w * c.h];
            var l2 = new short[c.w * c.h];
            GradientMagnitude.Combine(x, y, new Plane<short>(l1, c.w, c.h), MagnitudeNorm.L1);
            GradientMagnitude.Combine(x, y, new Plane<short>(l2, c.w, c.h), MagnitudeNorm.L2);
            for (int r = 0; r < c.h; r++)
            {
                for (int col = 0; col < c.w; col++)
                {
                    long a = c.gx[(r * stride) + col], b = c.gy[(r * stride) + col];
                    Assert.Equal(Math.Min(Math.Abs(a) + Math.Abs(b), short.MaxValue), l1[(r * c.w) + col]);
                    long root = BruteFloorSqrt((a * a) + (b * b));
                    Assert.Equal(Math.Min(root, short.MaxValue), l2[(r * c.w) + col]);
                }
            }
        });
    }

    [Fact]
    public void SobelPairOfTheCatalogueGivesAnEdgeOnlyAtTheStep()
    {
        // A vertical step from 0 to 100: sobel-x sees 4 x 100 = 400 on the two columns beside it.
        var frame = new byte[6 * 5];
        for (int r = 0; r < 5; r++)
        {
            for (int c = 3; c < 6; c++)
            {
                frame[(r * 6) + c] = 100;
            }
        }

        var sobel = (GradientMagnitudeFilter)KernelCatalogue.Get("sobel");
        var gx = new short[4 * 3];
        var gy = new short[4 * 3];
        var input = new ReadOnlyPlane<byte>(frame, 6, 5);
        Correlator.Correlate(input, sobel.X, new Plane<short>(gx, 4, 3), Requantizer.Identity, CorrelationOptions.Valid);
        Correlator.Correlate(input, sobel.Y, new Plane<short>(gy, 4, 3), Requantizer.Identity, CorrelationOptions.Valid);
        var magnitude = new short[4 * 3];

        GradientMagnitude.Combine(new ReadOnlyPlane<short>(gx, 4, 3), new ReadOnlyPlane<short>(gy, 4, 3), new Plane<short>(magnitude, 4, 3), sobel.Norm);

        for (int r = 0; r < 3; r++)
        {
            Assert.Equal([0, 400, 400, 0], magnitude.AsSpan(r * 4, 4).ToArray());
        }
    }

    [Fact]
    public void MismatchedSizesNameTheArgument()
    {
        var a = new short[12];
        var b = new short[12];
        var o = new short[12];

        var gy = Assert.Throws<ArgumentException>(() =>
            GradientMagnitude.L1(new ReadOnlyPlane<short>(a, 4, 3), new ReadOnlyPlane<short>(b, 3, 4), new Plane<short>(o, 4, 3)));
        var output = Assert.Throws<ArgumentException>(() =>
            GradientMagnitude.L2(new ReadOnlyPlane<short>(a, 4, 3), new ReadOnlyPlane<short>(b, 4, 3), new Plane<short>(o, 6, 2)));
        var norm = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientMagnitude.Combine(new ReadOnlyPlane<short>(a, 4, 3), new ReadOnlyPlane<short>(b, 4, 3), new Plane<short>(o, 4, 3), (MagnitudeNorm)7));

        Assert.Equal("gy", gy.ParamName);
        Assert.Contains("3x4", gy.Message);
        Assert.Contains("4x3", gy.Message);
        Assert.Equal("output", output.ParamName);
        Assert.Contains("6x2", output.Message);
        Assert.Equal("norm", norm.ParamName);
    }

    [Fact]
    public void AllocatesNothingPerCall()
    {
        var gx = new short[160 * 120];
        var gy = new short[160 * 120];
        var o = new short[160 * 120];
        new Random(9).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(gx.AsSpan()));
        new Random(8).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(gy.AsSpan()));

        void Run()
        {
            GradientMagnitude.Combine(new ReadOnlyPlane<short>(gx, 160, 120), new ReadOnlyPlane<short>(gy, 160, 120), new Plane<short>(o, 160, 120), MagnitudeNorm.L1);
            GradientMagnitude.Combine(new ReadOnlyPlane<short>(gx, 160, 120), new ReadOnlyPlane<short>(gy, 160, 120), new Plane<short>(o, 160, 120), MagnitudeNorm.L2);
        }

        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static ReadOnlyPlane<short> Plane(short[] data) => new(data, data.Length, 1);

    /// <summary>
    /// The largest r with r^2 &lt;= n, by stepping down from above the root: the double
    /// estimate only picks where to start, the loop's integer test decides.
    /// </summary>
    private static long BruteFloorSqrt(long n)
    {
        long r = (long)Math.Sqrt(n) + 2;
        while (r * r > n)
        {
            r--;
        }

        return r;
    }
}
