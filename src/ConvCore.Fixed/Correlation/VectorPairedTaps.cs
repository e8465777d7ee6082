using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Tap preparation for multiply-add-adjacent blocks (x86 vpmaddwd): int16 pixel lanes times
/// int16 weight lanes, adjacent products summed into one int32 lane. Lane k of a load at
/// column c then holds in[c + 2k] x w0 + in[c + 2k + 1] x w1: two taps of one output pixel
/// when they are horizontally adjacent, so each term serves the even output pixels from a
/// load at c and the odd ones from a load one byte later.
/// </summary>
/// <remarks>
/// Each term fills two entries: [2j] the even phase (offset, weight pair), [2j + 1] the odd
/// phase. Adjacent taps (c, c + 1) pair as (w_c, w_c+1), the odd phase loading at c + 1. A tap
/// with no right neighbour stands alone and never reads outside the window: its even phase
/// is (w, 0) loaded at c, its odd phase (0, w) loaded at c as well (lane 2k + 1 is pixel
/// 2k + 1's sample). Exact: |product| &lt; 2^23, a pair &lt; 2^24, and every partial sum is bounded
/// by 255 x sum|w| &lt; 2^31, as in the other int32-lane blocks.
/// </remarks>
internal static class VectorPairedTaps
{
    /// <summary>Fills at most 2 x <paramref name="kernelTaps"/>.Length entries; returns how many.</summary>
    public static int Prepare(ReadOnlySpan<KernelTap> kernelTaps, int stride, Span<VectorTap> taps, Span<Vector256<short>> weights)
    {
        int n = 0;
        int i = 0;
        while (i < kernelTaps.Length)
        {
            KernelTap t = kernelTaps[i];
            int offset = (t.Row * stride) + t.Col;
            bool paired = i + 1 < kernelTaps.Length && kernelTaps[i + 1].Row == t.Row && kernelTaps[i + 1].Col == t.Col + 1;
            if (paired)
            {
                Vector256<short> pair = Pair(t.Weight, kernelTaps[i + 1].Weight);
                taps[n] = new VectorTap(offset, t.Weight);
                weights[n] = pair;
                taps[n + 1] = new VectorTap(offset + 1, t.Weight);
                weights[n + 1] = pair;
                i += 2;
            }
            else
            {
                taps[n] = new VectorTap(offset, t.Weight);
                weights[n] = Pair(t.Weight, 0);
                taps[n + 1] = new VectorTap(offset, t.Weight);
                weights[n + 1] = Pair(0, t.Weight);
                i++;
            }

            n += 2;
        }

        return n;
    }

    /// <summary>(first, second) repeated across the int16 lanes.</summary>
    private static Vector256<short> Pair(short first, short second) =>
        Vector256.Create((int)(ushort)first | ((int)second << 16)).AsInt16();
}
