using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// The accumulators come from vectors, the requantisation from a scalar store one lane at a
/// time (in long arithmetic, as the specification): used when int32 lanes cannot reproduce
/// it exactly (a multiplier other than 1, a shift above 31, or a bias large enough that
/// acc + bias could leave int32).
/// </summary>
internal readonly struct VectorPerLaneSink<TOut, TStore>(TStore store) : IVectorSink<TOut>
    where TOut : unmanaged
    where TStore : struct, IAccumulatorStore<TOut>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<short> lo, Vector128<short> hi, ref TOut destination) =>
        VectorSinkWidening.Store(this, lo, hi, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<short> lo, Vector256<short> hi, ref TOut destination) =>
        VectorSinkWidening.Store(this, lo, hi, ref destination);

    public void Store(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d, ref TOut destination)
    {
        var lanes = default(BlockLanes);
        Span<int> s = lanes;
        a.CopyTo(s);
        b.CopyTo(s[4..]);
        c.CopyTo(s[8..]);
        d.CopyTo(s[12..]);
        StoreLanes(s[..16], ref destination);
    }

    public void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, ref TOut destination)
    {
        var lanes = default(BlockLanes);
        Span<int> s = lanes;
        a.CopyTo(s);
        b.CopyTo(s[8..]);
        c.CopyTo(s[16..]);
        d.CopyTo(s[24..]);
        StoreLanes(s, ref destination);
    }

    private void StoreLanes(ReadOnlySpan<int> accumulators, ref TOut destination)
    {
        for (int i = 0; i < accumulators.Length; i++)
        {
            Unsafe.Add(ref destination, i) = store.Store(accumulators[i]);
        }
    }

    /// <summary>Room for the widest block (32 pixels) on the stack.</summary>
    [InlineArray(32)]
    private struct BlockLanes
    {
        private int _element;
    }
}
