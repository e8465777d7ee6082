using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// The one interior loop every vector kernel shares: rows of the interior, blocks of
/// <typeparamref name="TBlock"/>.Width pixels along each row. The loads are unchecked, so
/// the bounds are proven once per call instead (see <see cref="CheckBounds"/>).
/// </summary>
internal static class VectorInteriorLoop<TBlock>
    where TBlock : struct, IVectorBlock
{
    /// <summary>Computes the interior; it must be at least one block wide.</summary>
    public static void Run<TOut, TSink>(ReadOnlyPlane<byte> input, Plane<TOut> output, ReadOnlySpan<KernelTap> kernelTaps, in CorrelationGeometry g, OutputRegion interior, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        int block = TBlock.Width;
        CheckBounds(input, output, g, interior, block);

        // At most 256 taps, at most two entries each (8 + 32 bytes): 20 KB of stack, no heap.
        // Weights are broadcast here, once per call, not per tap per block.
        Span<VectorTap> tapBuffer = stackalloc VectorTap[2 * kernelTaps.Length];
        Span<Vector256<short>> weightBuffer = stackalloc Vector256<short>[2 * kernelTaps.Length];
        int count = TBlock.Prepare(kernelTaps, input.Stride, g.KernelCols, tapBuffer, weightBuffer);
        ReadOnlySpan<VectorTap> taps = tapBuffer[..count];
        ReadOnlySpan<Vector256<short>> weights = weightBuffer[..count];

        int lastX = interior.Width - block;
        ref byte inputOrigin = ref MemoryMarshal.GetReference(input.Data);
        ref TOut outputOrigin = ref MemoryMarshal.GetReference(output.Data);
        for (int oy = interior.Top; oy < interior.Bottom; oy++)
        {
            ref byte window = ref Unsafe.Add(ref inputOrigin, ((oy - g.AnchorY) * input.Stride) + interior.Left - g.AnchorX);
            ref TOut row = ref Unsafe.Add(ref outputOrigin, (oy * output.Stride) + interior.Left);
            for (int x = 0; x < lastX; x += block)
            {
                TBlock.Compute(ref Unsafe.Add(ref window, x), taps, weights, ref Unsafe.Add(ref row, x), sink);
            }

            // The tail: one more whole block ending exactly at the interior's right edge. It
            // overlaps the previous block and rewrites those pixels with the same values,
            // so no remainder loop is needed (and the result is the same bit for bit).
            TBlock.Compute(ref Unsafe.Add(ref window, lastX), taps, weights, ref Unsafe.Add(ref row, lastX), sink);
        }
    }

    /// <summary>
    /// Proves the unchecked loads and stores stay inside the spans: the last block of the
    /// last interior row reads up to the last tap of its last window and writes up to the
    /// interior's right edge. A failure here is a bug in the caller, never bad user input.
    /// </summary>
    private static void CheckBounds<TOut>(ReadOnlyPlane<byte> input, Plane<TOut> output, in CorrelationGeometry g, OutputRegion interior, int block)
        where TOut : unmanaged
    {
        bool ok = interior.Width >= block
            && interior.Top - g.AnchorY >= 0
            && interior.Left - g.AnchorX >= 0
            && interior.Right - g.AnchorX + g.KernelCols - 1 <= input.Width
            && interior.Bottom - g.AnchorY + g.KernelRows - 1 <= input.Height
            && interior.Right <= output.Width
            && interior.Bottom <= output.Height;
        if (!ok)
        {
            throw new InvalidOperationException($"Vector interior {interior} does not fit a {input.Width}x{input.Height} input, a {output.Width}x{output.Height} output and {block}-pixel blocks.");
        }
    }
}
