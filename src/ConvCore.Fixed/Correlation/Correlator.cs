using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// 2-D cross-correlation of planes with a fixed-point kernel: the entry point that checks
/// the arguments once, picks the fastest proven path for the interior, and finishes the
/// border ring with the scalar specification. Allocates nothing.
/// </summary>
/// <remarks>
/// Correlation slides the kernel without flipping it (what deep-learning "convolution"
/// layers compute). <see cref="Convolve(ReadOnlyPlane{byte}, FixedKernel, Plane{short}, Requantizer, in CorrelationOptions)"/>
/// is correlation with the kernel rotated by 180 degrees.
/// </remarks>
public static class Correlator
{
    /// <summary>The output size and anchor for an input of this size, or an ArgumentException.</summary>
    public static CorrelationGeometry Geometry(int inputWidth, int inputHeight, FixedKernel kernel, in CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return CorrelationGeometry.Create(inputWidth, inputHeight, kernel.Rows, kernel.Cols, options);
    }

    /// <summary>The raw int32 accumulators (bias not added, no rounding). Exact for any kernel of at most 256 taps.</summary>
    public static CorrelationPath Correlate(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<int> output, in CorrelationOptions options)
    {
        CorrelationGeometry g = Prepare8Bit(input, kernel, output.Width, output.Height, options);
        var interior = g.Interior;
        CorrelationPath path = CorrelationPath.Scalar;
        if (CanUseVector(g, options) && VectorCorrelation.TryInteriorRaw(input, kernel, output, g, interior, options.MaxPath, out path))
        {
            ScalarCorrelation.RunBorder(input, kernel, output, g, interior, default(RawInt32Store));
            return path;
        }

        ScalarCorrelation.Run(input, kernel, output, g, Whole(g), default(RawInt32Store));
        return CorrelationPath.Scalar;
    }

    /// <summary>Requantised to int16: saturate(round_half_even((acc + bias) x m / 2^s)).</summary>
    public static CorrelationPath Correlate(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<short> output, Requantizer requantizer, in CorrelationOptions options)
    {
        CorrelationGeometry g = Prepare8Bit(input, kernel, output.Width, output.Height, options);
        var store = new Int16Store(requantizer, kernel.Bias);
        var interior = g.Interior;
        if (CanUseVector(g, options) && VectorCorrelation.TryInteriorInt16(input, kernel, output, requantizer, g, interior, options.MaxPath, out CorrelationPath path))
        {
            ScalarCorrelation.RunBorder(input, kernel, output, g, interior, store);
            return path;
        }

        ScalarCorrelation.Run(input, kernel, output, g, Whole(g), store);
        return CorrelationPath.Scalar;
    }

    /// <summary>Requantised to uint8 (negative results saturate to 0).</summary>
    public static CorrelationPath Correlate(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<byte> output, Requantizer requantizer, in CorrelationOptions options)
    {
        CorrelationGeometry g = Prepare8Bit(input, kernel, output.Width, output.Height, options);
        var store = new ByteStore(requantizer, kernel.Bias);
        var interior = g.Interior;
        if (CanUseVector(g, options) && VectorCorrelation.TryInteriorByte(input, kernel, output, requantizer, g, interior, options.MaxPath, out CorrelationPath path))
        {
            ScalarCorrelation.RunBorder(input, kernel, output, g, interior, store);
            return path;
        }

        ScalarCorrelation.Run(input, kernel, output, g, Whole(g), store);
        return CorrelationPath.Scalar;
    }

    /// <summary>
    /// A second layer: correlates an int16 feature map with long accumulation (any number of
    /// taps), requantised to int16.
    /// </summary>
    public static CorrelationPath Correlate(ReadOnlyPlane<short> input, FixedKernel kernel, Plane<short> output, Requantizer requantizer, in CorrelationOptions options)
    {
        CorrelationGeometry g = Prepare(input.Width, input.Height, kernel, output.Width, output.Height, options);
        ScalarCorrelation.Run(input, kernel, output, g, Whole(g), new WideInt16Store(requantizer, kernel.Bias));
        return CorrelationPath.Scalar;
    }

    /// <summary>A second layer into int32 (saturated), for stacks that need the headroom.</summary>
    public static CorrelationPath Correlate(ReadOnlyPlane<short> input, FixedKernel kernel, Plane<int> output, Requantizer requantizer, in CorrelationOptions options)
    {
        CorrelationGeometry g = Prepare(input.Width, input.Height, kernel, output.Width, output.Height, options);
        ScalarCorrelation.Run(input, kernel, output, g, Whole(g), new WideInt32Store(requantizer, kernel.Bias));
        return CorrelationPath.Scalar;
    }

    /// <summary>True convolution (kernel rotated 180 degrees), requantised to int16.</summary>
    public static CorrelationPath Convolve(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<short> output, Requantizer requantizer, in CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Correlate(input, kernel.Flipped(), output, requantizer, options);
    }

    /// <summary>True convolution (kernel rotated 180 degrees), raw accumulators.</summary>
    public static CorrelationPath Convolve(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<int> output, in CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Correlate(input, kernel.Flipped(), output, options);
    }

    private static CorrelationGeometry Prepare8Bit(ReadOnlyPlane<byte> input, FixedKernel kernel, int outW, int outH, in CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.TapCount > FixedKernel.MaxTaps8Bit)
        {
            throw new ArgumentException(
                $"The kernel has {kernel.TapCount} taps ({kernel.Rows}x{kernel.Cols}); the 8-bit path accepts at most {FixedKernel.MaxTaps8Bit}, the most its int32 accumulator is proven to hold.",
                nameof(kernel));
        }

        return Prepare(input.Width, input.Height, kernel, outW, outH, options);
    }

    private static CorrelationGeometry Prepare(int inW, int inH, FixedKernel kernel, int outW, int outH, in CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        CorrelationGeometry g = CorrelationGeometry.Create(inW, inH, kernel.Rows, kernel.Cols, options);
        if (outW != g.OutputWidth || outH != g.OutputHeight)
        {
            throw new ArgumentException(
                $"The output plane is {outW}x{outH} but a {inW}x{inH} input with a {kernel.Rows}x{kernel.Cols} kernel in {options.Mode} mode (stride {options.StrideY}x{options.StrideX}) gives {g.OutputWidth}x{g.OutputHeight}.",
                "output");
        }

        return g;
    }

    private static bool CanUseVector(in CorrelationGeometry g, in CorrelationOptions options) =>
        options.MaxPath != CorrelationPath.Scalar && g.StrideX == 1 && g.StrideY == 1;

    private static OutputRegion Whole(in CorrelationGeometry g) => new(0, g.OutputHeight, 0, g.OutputWidth);
}
