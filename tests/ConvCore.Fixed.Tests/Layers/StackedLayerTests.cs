using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Layers;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;
using ConvCore.Fixed.Tests.Exactness;
using CsCheck;

namespace ConvCore.Fixed.Tests.Layers;

/// <summary>Runs real two- and three-layer stacks and checks what each output pixel depends on.</summary>
public class StackedLayerTests
{
    private static readonly FixedKernel Seed = FixedKernel.FromIntegers("k", 2, 2, [0, 1, 2, 3]);
    private static readonly FixedKernel Positive = FixedKernel.FromIntegers("k+", 2, 2, [1, 2, 3, 4]);

    [Fact]
    public void TwoLayersOnTheSeedInputGiveTheHandComputedValue()
    {
        // layer 1 on [[0,1,2],[3,4,5],[6,7,8]] is the seed's [[19, 25], [37, 43]];
        // layer 2: 19x1 + 25x2 + 37x3 + 43x4 = 19 + 50 + 111 + 172 = 352
        byte[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8];
        var hidden = new short[4];
        var y = new short[1];

        Correlator.Correlate(new ReadOnlyPlane<byte>(x, 3, 3), Seed, new Plane<short>(hidden, 2, 2), Requantizer.Identity, CorrelationOptions.Valid);
        Correlator.Correlate(new ReadOnlyPlane<short>(hidden, 2, 2), Positive, new Plane<short>(y, 1, 1), Requantizer.Identity, CorrelationOptions.Valid);

        Assert.Equal([19, 25, 37, 43], hidden);
        Assert.Equal(352, y[0]);
    }

    [Fact]
    public void AnOutputOfTwoLayersDependsOnExactlyItsThreeByThreeRegion()
    {
        // On a 7x7 input the stack gives 5x5; output (2, 1) sees rows 2..4, columns 1..3.
        // Both kernels positive: every tap of the composed 3x3 is non-zero.
        AssertDependsOn(Positive, Positive, (r, c) => r is >= 2 and <= 4 && c is >= 1 and <= 3);
    }

    [Fact]
    public void AZeroTapLeavesAHoleInTheRegion()
    {
        // The seed's K has 0 at its top-left, so the composed kernel's top-left tap is
        // 0 x 1 = 0: the region's corner pixel (2, 1) is inside the field but never counts.
        AssertDependsOn(Seed, Positive, (r, c) => r is >= 2 and <= 4 && c is >= 1 and <= 3 && (r, c) != (2, 1));
    }

    private static void AssertDependsOn(FixedKernel first, FixedKernel second, Func<int, int, bool> expected)
    {
        var input = new byte[7 * 7];
        new Random(11).NextBytes(input);
        short baseline = Run(input)[(2 * 5) + 1];

        for (int r = 0; r < 7; r++)
        {
            for (int c = 0; c < 7; c++)
            {
                byte[] changed = (byte[])input.Clone();
                changed[(r * 7) + c] = (byte)(changed[(r * 7) + c] >= 128 ? 0 : 255);
                bool inside = expected(r, c);
                short after = Run(changed)[(2 * 5) + 1];
                Assert.True(inside == (after != baseline), $"pixel ({r}, {c}): expected to matter={inside}, {baseline} -> {after}");
            }
        }

        short[] Run(byte[] input)
        {
            var hidden = new short[6 * 6];
            var y = new short[5 * 5];
            Correlator.Correlate(new ReadOnlyPlane<byte>(input, 7, 7), first, new Plane<short>(hidden, 6, 6), Requantizer.Identity, CorrelationOptions.Valid);
            Correlator.Correlate(new ReadOnlyPlane<short>(hidden, 6, 6), second, new Plane<short>(y, 5, 5), Requantizer.Identity, CorrelationOptions.Valid);
            return y;
        }
    }

    [Fact]
    public void RandomStridedStacksDependOnExactlyTheirReceptiveField()
    {
        // All-ones kernels: every tap of the composed stack is positive, so a pixel inside the
        // field always moves the output, and intermediate sums stay inside int16 (255 x 9 x 9).
        // Strides stay within the kernel size: a larger stride skips pixels (a field with holes).
        var layer =
            from kr in Gen.Int[1, 3]
            from kc in Gen.Int[1, 3]
            from sy in Gen.Int[1, Math.Min(kr, 2)]
            from sx in Gen.Int[1, Math.Min(kc, 2)]
            select new LayerSpec(kr, kc, sy, sx);
        var gen =
            from layers in layer.Array[1, 3]
            from extraH in Gen.Int[0, 6]
            from extraW in Gen.Int[0, 6]
            from seed in Gen.Int
            select (layers, extraH, extraW, seed);

        SeededSamples.Run(gen, 1234, 40, c =>
        {
            var field = ReceptiveField.Of(c.layers);
            int h = field.Rows + c.extraH, w = field.Cols + c.extraW;
            var (oh, ow) = ReceptiveField.OutputSize(h, w, c.layers);
            var rng = new Random(c.seed);
            var input = new byte[h * w];
            rng.NextBytes(input);
            int oy = rng.Next(oh), ox = rng.Next(ow);
            long baseline = RunStack(input, h, w, c.layers)[(oy * ow) + ox];
            for (int probe = 0; probe < 12; probe++)
            {
                int r = rng.Next(h), col = rng.Next(w);
                byte[] changed = (byte[])input.Clone();
                changed[(r * w) + col] = (byte)(changed[(r * w) + col] >= 128 ? 0 : 255);
                bool inside = r >= oy * field.JumpY && r < (oy * field.JumpY) + field.Rows
                    && col >= ox * field.JumpX && col < (ox * field.JumpX) + field.Cols;
                long after = RunStack(changed, h, w, c.layers)[(oy * ow) + ox];
                Assert.True(inside == (after != baseline), $"pixel ({r}, {col}) for output ({oy}, {ox}): inside={inside}");
            }
        });
    }

    /// <summary>8-bit input to int16, int16 to int16 between layers, the last layer into int32.</summary>
    private static int[] RunStack(byte[] input, int h, int w, LayerSpec[] layers)
    {
        short[] current = [];
        int ch = h, cw = w;
        for (int i = 0; i < layers.Length; i++)
        {
            var spec = layers[i];
            var k = FixedKernel.FromIntegers("ones", spec.KernelRows, spec.KernelCols, Enumerable.Repeat(1, spec.KernelRows * spec.KernelCols).ToArray());
            var g = CorrelationGeometry.Create(cw, ch, spec.KernelRows, spec.KernelCols, spec.ToOptions());
            bool last = i == layers.Length - 1;
            if (last)
            {
                var result = new int[g.OutputWidth * g.OutputHeight];
                var output = new Plane<int>(result, g.OutputWidth, g.OutputHeight);
                if (i == 0)
                {
                    Correlator.Correlate(new ReadOnlyPlane<byte>(input, cw, ch), k, output, spec.ToOptions());
                }
                else
                {
                    Correlator.Correlate(new ReadOnlyPlane<short>(current, cw, ch), k, output, Requantizer.Identity, spec.ToOptions());
                }

                return result;
            }

            var next = new short[g.OutputWidth * g.OutputHeight];
            var plane = new Plane<short>(next, g.OutputWidth, g.OutputHeight);
            if (i == 0)
            {
                Correlator.Correlate(new ReadOnlyPlane<byte>(input, cw, ch), k, plane, Requantizer.Identity, spec.ToOptions());
            }
            else
            {
                Correlator.Correlate(new ReadOnlyPlane<short>(current, cw, ch), k, plane, Requantizer.Identity, spec.ToOptions());
            }

            current = next;
            (ch, cw) = (g.OutputHeight, g.OutputWidth);
        }

        throw new InvalidOperationException("A stack needs at least one layer.");
    }
}
