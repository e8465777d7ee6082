using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Training;

/// <summary>
/// The trainer's forward pass: the valid-mode correlation of an 8-bit plane with the
/// current taps, as raw int32 accumulators, bit-identical to
/// <see cref="Correlation.Correlator"/>'s raw output for the same weights.
/// </summary>
/// <remarks>
/// Why not the correlator itself: it takes an immutable <see cref="FixedKernel"/>, and
/// building one per step would allocate; its scalar specification also visits each pixel's
/// window with border checks. Here the taps come from a span the trainer rewrites in place,
/// and the loop is tap-major over whole rows (no border in valid mode), several times faster.
/// Exact: with at most 256 taps, |acc| &lt;= 255 x 32768 x 256 &lt; 2^31.
/// </remarks>
internal static class ForwardCorrelation
{
    public static void Correlate(ReadOnlyPlane<byte> input, ReadOnlySpan<KernelTap> taps, Plane<int> output)
    {
        if (taps.Length > FixedKernel.MaxTaps8Bit)
        {
            throw new ArgumentException($"{taps.Length} taps; the int32 accumulator is proven for at most {FixedKernel.MaxTaps8Bit}.", nameof(taps));
        }

        for (int oy = 0; oy < output.Height; oy++)
        {
            Span<int> acc = output.Row(oy);
            acc.Clear();
            foreach (KernelTap tap in taps)
            {
                ReadOnlySpan<byte> x = input.Row(oy + tap.Row).Slice(tap.Col, acc.Length);
                int w = tap.Weight;
                for (int k = 0; k < acc.Length; k++)
                {
                    acc[k] += w * x[k];
                }
            }
        }
    }
}
