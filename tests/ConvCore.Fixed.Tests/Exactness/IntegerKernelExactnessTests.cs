using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>
/// Integer kernels (0 fraction bits) through the default options (the fastest path the
/// machine has) equal the plain definition, for every mode, strides 1..3 and every output type.
/// </summary>
public class IntegerKernelExactnessTests
{
    [Fact]
    public void RawInt32AccumulatorsAreExact()
    {
        SeededSamples.Run(CorrelationCase.Generate(40, 9, 4), 101, 400, c =>
        {
            var (oh, ow) = c.OutputSize;
            var output = new int[oh * ow];
            var kernel = FixedKernel.Create("k", c.KernelRows, c.KernelCols, c.Weights, 0, c.Bias);

            Correlator.Correlate(Input(c), kernel, new Plane<int>(output, ow, oh), c.Options);

            // 255 x 32768 x 16 taps is far inside int32: the raw accumulator is the exact sum, bias not added.
            Assert.Equal(c.Accumulators().Select(a => checked((int)a)), output);
        });
    }

    [Fact]
    public void Int16OutputIsTheSaturatedSumPlusBias()
    {
        SeededSamples.Run(CorrelationCase.Generate(40, 9, 4), 202, 400, c =>
        {
            var (oh, ow) = c.OutputSize;
            var output = new short[oh * ow];
            var kernel = FixedKernel.Create("k", c.KernelRows, c.KernelCols, c.Weights, 0, c.Bias);

            Correlator.Correlate(Input(c), kernel, new Plane<short>(output, ow, oh), Requantizer.Identity, c.Options);

            Assert.Equal(c.Accumulators().Select(a => (short)Math.Clamp(a + c.Bias, short.MinValue, short.MaxValue)), output);
        });
    }

    [Fact]
    public void ByteOutputIsTheSumPlusBiasClampedTo0To255()
    {
        SeededSamples.Run(CorrelationCase.Generate(40, 9, 4), 303, 400, c =>
        {
            var (oh, ow) = c.OutputSize;
            var output = new byte[oh * ow];
            var kernel = FixedKernel.Create("k", c.KernelRows, c.KernelCols, c.Weights, 0, c.Bias);

            Correlator.Correlate(Input(c), kernel, new Plane<byte>(output, ow, oh), Requantizer.Identity, c.Options);

            Assert.Equal(c.Accumulators().Select(a => (byte)Math.Clamp(a + c.Bias, 0, 255)), output);
        });
    }

    [Fact]
    public void SmallEdgeKernelsOnWideFramesAreExact()
    {
        // The case the 16-bit-lane vector path is for: small integer weights, rows of one or
        // more 16- or 32-element vectors plus every kind of tail.
        foreach (string name in new[] { "edge-x", "edge-y", "sobel-x", "sobel-y", "prewitt-x", "scharr-y", "laplacian8", "sharpen", "emboss" })
        {
            var kernel = KernelCatalogue.GetKernel(name);
            var rng = new Random(name.Length);
            foreach (BorderMode mode in Enum.GetValues<BorderMode>())
            {
                foreach (int width in new[] { 17, 31, 33, 47, 65 })
                {
                    var pixels = new byte[width * 7];
                    rng.NextBytes(pixels);
                    var c = new CorrelationCase(width, 7, width, pixels, kernel.Rows, kernel.Cols, kernel.Weights.ToArray(), mode, 1, 1, 0);
                    var (oh, ow) = c.OutputSize;
                    var output = new short[oh * ow];

                    Correlator.Correlate(Input(c), kernel, new Plane<short>(output, ow, oh), Requantizer.Identity, c.Options);

                    Assert.Equal(c.Accumulators().Select(a => (short)a), output);
                }
            }
        }
    }

    internal static ReadOnlyPlane<byte> Input(CorrelationCase c) => new(c.Pixels, c.Width, c.Height, c.Stride);
}
