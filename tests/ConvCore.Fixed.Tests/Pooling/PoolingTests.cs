using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;
using Pool = ConvCore.Fixed.Pooling.GridPooling;

namespace ConvCore.Fixed.Tests.Pooling;

public class PoolingTests
{
    [Fact]
    public void MaxAbsKeepsTheSignOfTheStrongestValue()
    {
        short[] input =
        [
            1, -9, 3, 4,
            2, 5, -3, 7,
        ];
        var output = new short[2];

        Pool.MaxAbs(new ReadOnlyPlane<short>(input, 4, 2), new Plane<short>(output, 2, 1));

        Assert.Equal([-9, 7], output);
    }

    [Fact]
    public void MaxAbsTieGoesToTheFirstInRowMajorOrder()
    {
        short[] input = [5, -5, -7, 7, 3, 3];
        var output = new short[3];

        Pool.MaxAbs(new ReadOnlyPlane<short>(input, 2, 3), new Plane<short>(output, 1, 3));

        Assert.Equal([5, -7, 3], output);
    }

    [Fact]
    public void MaxAbsHandlesTheMostNegativeValue()
    {
        short[] shorts = [short.MaxValue, short.MinValue];
        int[] ints = [int.MaxValue, int.MinValue];
        var so = new short[1];
        var io = new int[1];

        Pool.MaxAbs(new ReadOnlyPlane<short>(shorts, 2, 1), new Plane<short>(so, 1, 1));
        Pool.MaxAbs(new ReadOnlyPlane<int>(ints, 2, 1), new Plane<int>(io, 1, 1));

        Assert.Equal(short.MinValue, so[0]);
        Assert.Equal(int.MinValue, io[0]);
    }

    [Theory]
    [InlineData(1, 2, 2)]      // 1.5 -> 2
    [InlineData(2, 3, 2)]      // 2.5 -> 2
    [InlineData(-1, -2, -2)]   // -1.5 -> -2
    [InlineData(-2, -3, -2)]   // -2.5 -> -2
    [InlineData(3, 4, 4)]      // 3.5 -> 4
    [InlineData(32767, 32767, 32767)]
    [InlineData(-32768, -32768, -32768)]
    public void AverageRoundsHalfToEven(short a, short b, short expected)
    {
        short[] input = [a, b];
        var output = new short[1];

        Pool.Average(new ReadOnlyPlane<short>(input, 2, 1), new Plane<short>(output, 1, 1));

        Assert.Equal(expected, output[0]);
    }

    [Fact]
    public void FiveColumnsIntoTwoCellsSplitAtColumnTwo()
    {
        // cells cover columns [floor(0*5/2), floor(5/2)) = [0, 2) and [2, 5)
        short[] input = [10, 20, 1, 2, 6];
        var avg = new short[2];
        var max = new short[2];

        Pool.Average(new ReadOnlyPlane<short>(input, 5, 1), new Plane<short>(avg, 2, 1));
        Pool.MaxAbs(new ReadOnlyPlane<short>(input, 5, 1), new Plane<short>(max, 2, 1));

        Assert.Equal([15, 3], avg);
        Assert.Equal([20, 6], max);
    }

    [Fact]
    public void RandomSizesMatchTheDefinition()
    {
        var gen =
            from w in Gen.Int[1, 40]
            from h in Gen.Int[1, 30]
            from gw in Gen.Int[1, w]
            from gh in Gen.Int[1, h]
            from pad in Gen.Int[0, 3]
            from data in Gen.Frequency((1, Gen.Const(short.MinValue)), (1, Gen.Const(short.MaxValue)), (6, Gen.Short)).Array[h * (w + pad)]
            select (w, h, gw, gh, pad, data);

        SeededSamples.Run(gen, 20260101, 300, c =>
        {
            int stride = c.w + c.pad;
            var input = new ReadOnlyPlane<short>(c.data, c.w, c.h, stride);
            var max = new short[c.gw * c.gh];
            var avg = new short[c.gw * c.gh];
            Pool.MaxAbs(input, new Plane<short>(max, c.gw, c.gh));
            Pool.Average(input, new Plane<short>(avg, c.gw, c.gh));
            Assert.Equal(ReferencePooling.MaxAbs(c.data, c.w, c.h, stride, c.gw, c.gh), max);
            Assert.Equal(ReferencePooling.Average(c.data, c.w, c.h, stride, c.gw, c.gh), avg);
        });
    }

    [Fact]
    public void Int32OverloadsMatchTheDefinition()
    {
        var gen =
            from w in Gen.Int[1, 20]
            from h in Gen.Int[1, 20]
            from gw in Gen.Int[1, w]
            from gh in Gen.Int[1, h]
            from data in Gen.Frequency((1, Gen.Const(int.MinValue)), (1, Gen.Const(int.MaxValue)), (6, Gen.Int)).Array[h * w]
            select (w, h, gw, gh, data);

        SeededSamples.Run(gen, 77, 200, c =>
        {
            var max = new int[c.gw * c.gh];
            var avg = new int[c.gw * c.gh];
            Pool.MaxAbs(new ReadOnlyPlane<int>(c.data, c.w, c.h), new Plane<int>(max, c.gw, c.gh));
            Pool.Average(new ReadOnlyPlane<int>(c.data, c.w, c.h), new Plane<int>(avg, c.gw, c.gh));
            Assert.Equal(ReferencePooling.MaxAbs(c.data, c.w, c.h, c.w, c.gw, c.gh), max);
            Assert.Equal(ReferencePooling.Average(c.data, c.w, c.h, c.w, c.gw, c.gh), avg);
        });
    }

    [Fact]
    public void WritesOnlyInsideTheOutputRectangle()
    {
        var input = Enumerable.Range(0, 12).Select(i => (short)i).ToArray();
        var output = Enumerable.Repeat((short)-1, 2 * 5).ToArray(); // 2x2 grid, stride 5

        Pool.Average(new ReadOnlyPlane<short>(input, 4, 3), new Plane<short>(output, 2, 2, 5));

        Assert.Equal(new short[] { -1, -1, -1 }, output[2..5]);
        Assert.Equal(new short[] { -1, -1, -1 }, output[7..10]);
    }

    [Fact]
    public void RefusesAnOutputLargerThanTheInput()
    {
        var input = new short[12];
        var output = new short[20];

        var e = Assert.Throws<ArgumentException>(() =>
            Pool.MaxAbs(new ReadOnlyPlane<short>(input, 4, 3), new Plane<short>(output, 5, 3)));
        var e2 = Assert.Throws<ArgumentException>(() =>
            Pool.Average(new ReadOnlyPlane<short>(input, 4, 3), new Plane<short>(output, 4, 4)));

        Assert.Equal("output", e.ParamName);
        Assert.Contains("5x3", e.Message);
        Assert.Contains("only shrink", e.Message);
        Assert.Equal("output", e2.ParamName);
    }

    [Fact]
    public void AllocatesNothingPerCall()
    {
        var input = new short[160 * 120];
        new Random(3).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
        var output = new short[8 * 8];
        var wide = new int[160 * 120];
        var wideOut = new int[8 * 8];

        void Run()
        {
            Pool.MaxAbs(new ReadOnlyPlane<short>(input, 160, 120), new Plane<short>(output, 8, 8));
            Pool.Average(new ReadOnlyPlane<short>(input, 160, 120), new Plane<short>(output, 8, 8));
            Pool.MaxAbs(new ReadOnlyPlane<int>(wide, 160, 120), new Plane<int>(wideOut, 8, 8));
            Pool.Average(new ReadOnlyPlane<int>(wide, 160, 120), new Plane<int>(wideOut, 8, 8));
        }

        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
