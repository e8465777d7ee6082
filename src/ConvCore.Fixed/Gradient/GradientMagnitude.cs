using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Gradient;

/// <summary>
/// Combines the x and y gradient maps (e.g. sobel-x and sobel-y outputs) into one edge
/// strength map. Integer only, saturated to int16, allocates nothing.
/// </summary>
public static class GradientMagnitude
{
    /// <summary>saturate(|gx| + |gy|): the cheap magnitude most edge demos mean by "Sobel".</summary>
    public static void L1(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output) =>
        Apply(gx, gy, output, default(L1Norm));

    /// <summary>saturate(floor(sqrt(gx^2 + gy^2))) with an exact integer square root.</summary>
    public static void L2(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output) =>
        Apply(gx, gy, output, default(L2Norm));

    /// <summary>Dispatches on <paramref name="norm"/> (what a <see cref="GradientMagnitudeFilter"/> asks for).</summary>
    public static void Combine(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output, MagnitudeNorm norm)
    {
        switch (norm)
        {
            case MagnitudeNorm.L1:
                L1(gx, gy, output);
                break;
            case MagnitudeNorm.L2:
                L2(gx, gy, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(norm), norm, "Unknown magnitude norm: expected L1 or L2.");
        }
    }

    /// <summary>The one element-wise walk both norms share, specialised per norm (no delegate).</summary>
    private static void Apply<TNorm>(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output, TNorm norm)
        where TNorm : struct, IMagnitudeNorm
    {
        ValidateSizes(gx, gy, output);
        for (int y = 0; y < output.Height; y++)
        {
            ReadOnlySpan<short> a = gx.Row(y);
            ReadOnlySpan<short> b = gy.Row(y);
            Span<short> o = output.Row(y);
            for (int x = 0; x < o.Length; x++)
            {
                o[x] = norm.Of(a[x], b[x]);
            }
        }
    }

    private static void ValidateSizes(ReadOnlyPlane<short> gx, ReadOnlyPlane<short> gy, Plane<short> output)
    {
        if (gy.Width != gx.Width || gy.Height != gx.Height)
        {
            throw new ArgumentException(
                $"The y gradient is {gy.Width}x{gy.Height} but the x gradient is {gx.Width}x{gx.Height}; they must be the same size.",
                nameof(gy));
        }

        if (output.Width != gx.Width || output.Height != gx.Height)
        {
            throw new ArgumentException(
                $"The output is {output.Width}x{output.Height} but the gradients are {gx.Width}x{gx.Height}; they must be the same size.",
                nameof(output));
        }
    }
}
