using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Correlation;

// The 32-bit-accumulator family: any kernel the 8-bit path accepts (at most 256 taps), since
// |pixel x weight| <= 255 x 32768 and the whole sum stays below 255 x 32768 x 256 < 2^31.
// Used for Q-format kernels and large integer weights, where 16-bit lanes could overflow.

/// <summary>16 pixels per block: one 16-byte load per tap, four 4-lane int32 accumulators.</summary>
internal readonly struct VectorInt32Lanes128 : IVectorBlock
{
    public static int Width => 16;

    public static int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, int kernelCols, Span<VectorTap> taps, Span<Vector256<short>> weights) =>
        AdvSimd.IsSupported
            ? VectorTapWeights.PrepareInt16(kernelTaps, stride, taps, weights)
            : VectorTapWeights.PrepareInt32(kernelTaps, stride, taps, weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        Vector128<int> a = Vector128<int>.Zero;
        Vector128<int> b = Vector128<int>.Zero;
        Vector128<int> c = Vector128<int>.Zero;
        Vector128<int> d = Vector128<int>.Zero;
        if (AdvSimd.IsSupported)
        {
            AccumulateArm(ref window, taps, weights, ref a, ref b, ref c, ref d);
        }
        else
        {
            for (int i = 0; i < taps.Length; i++)
            {
                (Vector128<ushort> p0, Vector128<ushort> p1) = Vector128.Widen(Vector128.LoadUnsafe(ref window, (nuint)taps[i].Offset));
                (Vector128<uint> q0, Vector128<uint> q1) = Vector128.Widen(p0);
                (Vector128<uint> q2, Vector128<uint> q3) = Vector128.Widen(p1);
                Vector128<int> w = VectorTapWeights.Get128<int>(weights, i);
                a += q0.AsInt32() * w;
                b += q1.AsInt32() * w;
                c += q2.AsInt32() * w;
                d += q3.AsInt32() * w;
            }
        }

        sink.Store(a, b, c, d, ref destination);
    }

    /// <summary>
    /// NEON's widening multiply-accumulate (smlal/smlal2): int16 pixels times the int16 weight
    /// added straight into the int32 lanes. The same exact products and sums as the portable
    /// loop, with four multiply-accumulates per tap where the portable loop needs four
    /// int16 -> int32 widenings, four multiplies and four adds. x64 and the DOTNET_EnableHWIntrinsic=0
    /// run never take this branch; the self-test checks it on Arm (also under qemu).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateArm(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref Vector128<int> a, ref Vector128<int> b, ref Vector128<int> c, ref Vector128<int> d)
    {
        Vector128<int> sa = a, sb = b, sc = c, sd = d;
        for (int i = 0; i < taps.Length; i++)
        {
            (Vector128<ushort> p0, Vector128<ushort> p1) = Vector128.Widen(Vector128.LoadUnsafe(ref window, (nuint)taps[i].Offset));
            Vector128<short> w = VectorTapWeights.Get128<short>(weights, i);
            sa = AdvSimd.MultiplyWideningLowerAndAdd(sa, p0.AsInt16().GetLower(), w.GetLower());
            sb = AdvSimd.MultiplyWideningUpperAndAdd(sb, p0.AsInt16(), w);
            sc = AdvSimd.MultiplyWideningLowerAndAdd(sc, p1.AsInt16().GetLower(), w.GetLower());
            sd = AdvSimd.MultiplyWideningUpperAndAdd(sd, p1.AsInt16(), w);
        }

        (a, b, c, d) = (sa, sb, sc, sd);
    }
}

/// <summary>
/// 32 pixels per block, four 8-lane int32 accumulators. With AVX2, pairs of horizontally
/// adjacent taps go through vpmaddwd (see <see cref="VectorPairedTaps"/>): no int16 -> int32
/// widening and half the multiplies of the portable loop, which is the fallback elsewhere.
/// </summary>
internal readonly struct VectorInt32Lanes256 : IVectorBlock
{
    public static int Width => 32;

    public static int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, int kernelCols, Span<VectorTap> taps, Span<Vector256<short>> weights) =>
        Avx2.IsSupported
            ? VectorPairedTaps.Prepare(kernelTaps, stride, taps, weights)
            : VectorTapWeights.PrepareInt32(kernelTaps, stride, taps, weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        if (Avx2.IsSupported)
        {
            ComputePaired(ref window, taps, weights, ref destination, sink);
            return;
        }

        Vector256<int> a = Vector256<int>.Zero;
        Vector256<int> b = Vector256<int>.Zero;
        Vector256<int> c = Vector256<int>.Zero;
        Vector256<int> d = Vector256<int>.Zero;
        for (int i = 0; i < taps.Length; i++)
        {
            (Vector256<ushort> p0, Vector256<ushort> p1) = Vector256.Widen(Vector256.LoadUnsafe(ref window, (nuint)taps[i].Offset));
            (Vector256<uint> q0, Vector256<uint> q1) = Vector256.Widen(p0);
            (Vector256<uint> q2, Vector256<uint> q3) = Vector256.Widen(p1);
            Vector256<int> w = VectorTapWeights.Get256<int>(weights, i);
            a += q0.AsInt32() * w;
            b += q1.AsInt32() * w;
            c += q2.AsInt32() * w;
            d += q3.AsInt32() * w;
        }

        sink.Store(a, b, c, d, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ComputePaired<TOut, TSink>(ref byte window, ReadOnlySpan<VectorTap> taps, ReadOnlySpan<Vector256<short>> weights, ref TOut destination, in TSink sink)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        // even0: pixels 0, 2, ..., 14; even1: 16, ..., 30; odd0: 1, ..., 15; odd1: 17, ..., 31.
        Vector256<int> even0 = Vector256<int>.Zero;
        Vector256<int> even1 = Vector256<int>.Zero;
        Vector256<int> odd0 = Vector256<int>.Zero;
        Vector256<int> odd1 = Vector256<int>.Zero;
        for (int i = 0; i + 1 < taps.Length; i += 2)
        {
            nuint even = (nuint)taps[i].Offset;
            nuint odd = (nuint)taps[i + 1].Offset;
            Vector256<short> evenWeights = VectorTapWeights.Get256<short>(weights, i);
            Vector256<short> oddWeights = VectorTapWeights.Get256<short>(weights, i + 1);
            even0 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, even)), evenWeights);
            even1 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, even + 16)), evenWeights);
            odd0 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, odd)), oddWeights);
            odd1 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref window, odd + 16)), oddWeights);
        }

        // Back into pixel order, once per block: interleaving within each 128-bit half gives
        // pixels (0-3 | 8-11) and (4-7 | 12-15); swapping halves puts 0-7 and 8-15 together.
        Vector256<int> low0 = Avx2.UnpackLow(even0, odd0);
        Vector256<int> high0 = Avx2.UnpackHigh(even0, odd0);
        Vector256<int> low1 = Avx2.UnpackLow(even1, odd1);
        Vector256<int> high1 = Avx2.UnpackHigh(even1, odd1);
        sink.Store(
            Avx2.Permute2x128(low0, high0, 0x20),
            Avx2.Permute2x128(low0, high0, 0x31),
            Avx2.Permute2x128(low1, high1, 0x20),
            Avx2.Permute2x128(low1, high1, 0x31),
            ref destination);
    }
}
