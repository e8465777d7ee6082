using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Each cell's minimum of the band's column minima and maximum of its column maxima, for cells
/// at least one Vector128 wide. A cell folds its run of columns into one vector (whole vectors
/// from its start, the last one ending exactly at its end: min and max do not mind seeing a
/// column twice); eight such vectors are then reduced together by a tree of shuffles, minima
/// and lane selects into one vector holding the eight cells' answers in order, so the
/// across-lane work is shared instead of repeated per cell.
/// </summary>
internal static class CellColumns
{
    private const int Lanes = 8; // Vector128<short>.Count

    /// <summary>Narrowest cell <see cref="Reduce"/> takes.</summary>
    public const int MinimumWidth = Lanes;

    /// <summary>
    /// For every cell g (columns [starts[g], starts[g + 1])): min[g] = min(low over the cell),
    /// max[g] = max(high over the cell). Needs Vector128 acceleration and every cell at least
    /// <see cref="MinimumWidth"/> wide.
    /// </summary>
    public static void Reduce(ReadOnlySpan<short> low, ReadOnlySpan<short> high, ReadOnlySpan<int> starts, Span<short> min, Span<short> max)
    {
        int cells = starts.Length - 1;
        if (cells < 0 || min.Length < cells || max.Length < cells || starts[0] < 0 || starts[cells] > Math.Min(low.Length, high.Length))
        {
            throw BadArguments(low.Length, high.Length, cells, min.Length, max.Length, nameof(starts));
        }

        ref short l = ref MemoryMarshal.GetReference(low);
        ref short h = ref MemoryMarshal.GetReference(high);
        ref short mn = ref MemoryMarshal.GetReference(min);
        ref short mx = ref MemoryMarshal.GetReference(max);
        int g = 0;
        for (; g <= cells - Lanes; g += Lanes)
        {
            Fold(ref l, ref h, starts[g], starts[g + 1], out Vector128<short> l0, out Vector128<short> h0);
            Fold(ref l, ref h, starts[g + 1], starts[g + 2], out Vector128<short> l1, out Vector128<short> h1);
            Fold(ref l, ref h, starts[g + 2], starts[g + 3], out Vector128<short> l2, out Vector128<short> h2);
            Fold(ref l, ref h, starts[g + 3], starts[g + 4], out Vector128<short> l3, out Vector128<short> h3);
            Fold(ref l, ref h, starts[g + 4], starts[g + 5], out Vector128<short> l4, out Vector128<short> h4);
            Fold(ref l, ref h, starts[g + 5], starts[g + 6], out Vector128<short> l5, out Vector128<short> h5);
            Fold(ref l, ref h, starts[g + 6], starts[g + 7], out Vector128<short> l6, out Vector128<short> h6);
            Fold(ref l, ref h, starts[g + 7], starts[g + 8], out Vector128<short> l7, out Vector128<short> h7);
            Tree<LaneMin>.Reduce(l0, l1, l2, l3, l4, l5, l6, l7).StoreUnsafe(ref mn, (nuint)g);
            Tree<LaneMax>.Reduce(h0, h1, h2, h3, h4, h5, h6, h7).StoreUnsafe(ref mx, (nuint)g);
        }

        for (; g < cells; g++)
        {
            // Leftover cells: the same tree with the cell in every slot, lane 0 read back.
            Fold(ref l, ref h, starts[g], starts[g + 1], out Vector128<short> lo, out Vector128<short> hi);
            min[g] = Tree<LaneMin>.Reduce(lo, lo, lo, lo, lo, lo, lo, lo).ToScalar();
            max[g] = Tree<LaneMax>.Reduce(hi, hi, hi, hi, hi, hi, hi, hi).ToScalar();
        }
    }

    /// <summary>One cell's columns folded lane-wise into a vector of minima and one of maxima.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(ref short l, ref short h, int x0, int x1, out Vector128<short> lo, out Vector128<short> hi)
    {
        if (x1 - x0 < Lanes)
        {
            ThrowNarrow(x0, x1);
        }

        // The first and the last vector cover cells up to two vectors wide, the usual case,
        // without entering the loop.
        nuint first = (nuint)x0, last = (nuint)(x1 - Lanes);
        lo = Vector128.Min(Vector128.LoadUnsafe(ref l, first), Vector128.LoadUnsafe(ref l, last));
        hi = Vector128.Max(Vector128.LoadUnsafe(ref h, first), Vector128.LoadUnsafe(ref h, last));
        for (nuint x = first + Lanes; x < last; x += Lanes)
        {
            lo = Vector128.Min(lo, Vector128.LoadUnsafe(ref l, x));
            hi = Vector128.Max(hi, Vector128.LoadUnsafe(ref h, x));
        }
    }

    private static ArgumentException BadArguments(int low, int high, int cells, int min, int max, string paramName) =>
        new($"{cells} cells need result buffers of at least that length (min {min}, max {max}) and starts inside the column buffers ({low} and {high}).", paramName);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNarrow(int x0, int x1) =>
        throw new ArgumentOutOfRangeException(nameof(x1), $"The cell [{x0}, {x1}) is narrower than {Lanes} columns.");

    /// <summary>Lane-wise minimum or maximum: what a cell's columns fold with.</summary>
    private interface ILaneOp
    {
        static abstract Vector128<short> Apply(Vector128<short> a, Vector128<short> b);
    }

    private readonly struct LaneMin : ILaneOp
    {
        public static Vector128<short> Apply(Vector128<short> a, Vector128<short> b) => Vector128.Min(a, b);
    }

    private readonly struct LaneMax : ILaneOp
    {
        public static Vector128<short> Apply(Vector128<short> a, Vector128<short> b) => Vector128.Max(a, b);
    }

    /// <summary>
    /// Eight vectors reduced across lanes into one: lane k holds the reduction of vector k.
    /// Each level halves the partial results per vector (neighbours, then pairs, then halves)
    /// and packs two vectors' partials into one with a lane select.
    /// </summary>
    private static class Tree<TOp> where TOp : struct, ILaneOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<short> Reduce(
            Vector128<short> v0, Vector128<short> v1, Vector128<short> v2, Vector128<short> v3,
            Vector128<short> v4, Vector128<short> v5, Vector128<short> v6, Vector128<short> v7) =>
            Halves(Pairs(Neighbours(v0, v1), Neighbours(v2, v3)), Pairs(Neighbours(v4, v5), Neighbours(v6, v7)));

        /// <summary>Even lanes: a's neighbour pairs; odd lanes: b's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<short> Neighbours(Vector128<short> a, Vector128<short> b) =>
            Vector128.ConditionalSelect(
                Vector128.Create(-1, 0, -1, 0, -1, 0, -1, 0),
                TOp.Apply(a, Vector128.Shuffle(a, Vector128.Create(1, 0, 3, 2, 5, 4, 7, 6))),
                TOp.Apply(b, Vector128.Shuffle(b, Vector128.Create(1, 0, 3, 2, 5, 4, 7, 6))));

        /// <summary>Lanes 0, 1, 4, 5 from a's lane pairs; 2, 3, 6, 7 from b's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<short> Pairs(Vector128<short> a, Vector128<short> b) =>
            Vector128.ConditionalSelect(
                Vector128.Create(-1, -1, 0, 0, -1, -1, 0, 0),
                TOp.Apply(a, Vector128.Shuffle(a, Vector128.Create(2, 3, 0, 1, 6, 7, 4, 5))),
                TOp.Apply(b, Vector128.Shuffle(b, Vector128.Create(2, 3, 0, 1, 6, 7, 4, 5))));

        /// <summary>Lanes 0-3 from a's halves folded; 4-7 from b's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<short> Halves(Vector128<short> a, Vector128<short> b) =>
            Vector128.ConditionalSelect(
                Vector128.Create(-1, -1, -1, -1, 0, 0, 0, 0),
                TOp.Apply(a, Vector128.Shuffle(a, Vector128.Create(4, 5, 6, 7, 0, 1, 2, 3))),
                TOp.Apply(b, Vector128.Shuffle(b, Vector128.Create(4, 5, 6, 7, 0, 1, 2, 3))));
    }
}
