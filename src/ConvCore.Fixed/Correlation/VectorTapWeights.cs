using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// The per-call tap preparation most blocks share (one entry per non-zero tap, its weight
/// broadcast once), and the typed reads of a prepared weight vector. A weight vector is
/// stored in 32 bytes whatever the block's width; 128-bit blocks use its low half.
/// </summary>
internal static class VectorTapWeights
{
    /// <summary>One entry per tap; the weight broadcast as int16 lanes.</summary>
    public static int PrepareInt16(ReadOnlySpan<KernelTap> kernelTaps, int stride, Span<VectorTap> taps, Span<Vector256<short>> weights)
    {
        for (int i = 0; i < kernelTaps.Length; i++)
        {
            KernelTap t = kernelTaps[i];
            taps[i] = new VectorTap((t.Row * stride) + t.Col, t.Weight);
            weights[i] = Vector256.Create(t.Weight);
        }

        return kernelTaps.Length;
    }

    /// <summary>One entry per tap; the weight broadcast as int32 lanes (sign-extended).</summary>
    public static int PrepareInt32(ReadOnlySpan<KernelTap> kernelTaps, int stride, Span<VectorTap> taps, Span<Vector256<short>> weights)
    {
        for (int i = 0; i < kernelTaps.Length; i++)
        {
            KernelTap t = kernelTaps[i];
            taps[i] = new VectorTap((t.Row * stride) + t.Col, t.Weight);
            weights[i] = Vector256.Create((int)t.Weight).AsInt16();
        }

        return kernelTaps.Length;
    }

    /// <summary>The prepared weight vector of entry <paramref name="i"/>; no bounds check (the caller's loop proves it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Get256<T>(ReadOnlySpan<Vector256<short>> weights, int i)
        where T : unmanaged =>
        Unsafe.As<Vector256<short>, Vector256<T>>(ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(weights), i));

    /// <summary>The low half of the prepared weight vector of entry <paramref name="i"/>, for 128-bit blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Get128<T>(ReadOnlySpan<Vector256<short>> weights, int i)
        where T : unmanaged =>
        Unsafe.As<Vector256<short>, Vector128<T>>(ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(weights), i));
}
