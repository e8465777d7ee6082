using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Gradient;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Golden;

/// <summary>
/// The core against feature maps SciPy computed (make_golden.py, committed .npy files): every
/// catalogue filter, every border mode, four 32x24 frames, compared exactly.
/// </summary>
public class GoldenOracleTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "Golden", "data");

    public static TheoryData<string> Frames => new("camera", "astronaut", "coins", "synthetic");

    private static readonly (string Name, BorderMode Mode)[] Modes =
    [
        ("valid", BorderMode.Valid), ("same-zero", BorderMode.SameZero), ("same-replicate", BorderMode.SameReplicate),
    ];

    [Theory]
    [MemberData(nameof(Frames))]
    public void EveryCatalogueFilterInEveryModeMatchesScipy(string frame)
    {
        NpyFile input = NpyFile.Read(Path.Combine(DataDirectory, frame + ".npy"));
        Assert.Equal([24, 32], input.Shape);
        int h = input.Shape[0], w = input.Shape[1];
        var plane = new ReadOnlyPlane<byte>(input.AsBytes(), w, h);
        int compared = 0;

        foreach (string name in KernelCatalogue.Names)
        {
            foreach (var (modeName, mode) in Modes)
            {
                NpyFile expected = NpyFile.Read(Path.Combine(DataDirectory, $"{frame}.{name}.{modeName}.npy"));
                short[] actual = Run(plane, KernelCatalogue.Get(name), new CorrelationOptions(mode), out int oh, out int ow);

                Assert.True(expected.Shape.SequenceEqual([oh, ow]), $"{frame} {name} {modeName}: shape ({string.Join(", ", expected.Shape)}) vs ({oh}, {ow})");
                short[] want = expected.AsInt16();
                for (int i = 0; i < want.Length; i++)
                {
                    if (want[i] != actual[i])
                    {
                        Assert.Fail($"{frame} {name} {modeName}: at (row {i / ow}, col {i % ow}) scipy says {want[i]}, the core {actual[i]}.");
                    }
                }

                compared++;
            }
        }

        Assert.Equal(KernelCatalogue.Names.Count * Modes.Length, compared);
    }

    [Fact]
    public void TheSyntheticFrameHasTheExtremes()
    {
        byte[] pixels = NpyFile.Read(Path.Combine(DataDirectory, "synthetic.npy")).AsBytes();

        Assert.Contains((byte)0, pixels);
        Assert.Contains((byte)255, pixels);
    }

    /// <summary>What the pipeline's feature map is: requantised by 2^-fractionBits, or the gradient magnitude.</summary>
    private static short[] Run(ReadOnlyPlane<byte> input, Filter filter, CorrelationOptions options, out int oh, out int ow)
    {
        switch (filter)
        {
            case KernelFilter k:
            {
                var g = Correlator.Geometry(input.Width, input.Height, k.Kernel, options);
                (oh, ow) = (g.OutputHeight, g.OutputWidth);
                var output = new short[oh * ow];
                Correlator.Correlate(input, k.Kernel, new Plane<short>(output, ow, oh), Requantizer.ForKernel(k.Kernel.FractionBits), options);
                return output;
            }

            case GradientMagnitudeFilter m:
            {
                var g = Correlator.Geometry(input.Width, input.Height, m.X, options);
                (oh, ow) = (g.OutputHeight, g.OutputWidth);
                var gx = new short[oh * ow];
                var gy = new short[oh * ow];
                var output = new short[oh * ow];
                Correlator.Correlate(input, m.X, new Plane<short>(gx, ow, oh), Requantizer.ForKernel(m.X.FractionBits), options);
                Correlator.Correlate(input, m.Y, new Plane<short>(gy, ow, oh), Requantizer.ForKernel(m.Y.FractionBits), options);
                GradientMagnitude.Combine(new ReadOnlyPlane<short>(gx, ow, oh), new ReadOnlyPlane<short>(gy, ow, oh), new Plane<short>(output, ow, oh), m.Norm);
                return output;
            }

            default:
                throw new InvalidOperationException($"Unknown filter type {filter.GetType().Name}.");
        }
    }
}
