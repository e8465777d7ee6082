namespace ConvCore.Fixed.Pooling;

/// <summary>
/// The source pixels one destination pixel covers along one axis, and how much of each.
/// </summary>
/// <remarks>
/// Lengths are measured in units of 1/(n N) of the image, where N is the source size and n
/// the destination size: a source pixel is n units long and a destination pixel N units, so
/// every overlap is a whole number. Pixels strictly between <see cref="First"/> and
/// <see cref="Last"/> are fully covered (weight <see cref="FullWeight"/> = n); only the two
/// ends can be partial. The weights of one span sum to N.
/// </remarks>
internal readonly record struct AreaSpan(int First, int Last, int FirstWeight, int LastWeight, int FullWeight)
{
    /// <summary>The span of destination pixel <paramref name="index"/>, from the definition (two divisions).</summary>
    public static AreaSpan Of(int index, int sourceSize, int destinationSize)
    {
        long start = (long)index * sourceSize;
        long end = start + sourceSize;
        int first = (int)(start / destinationSize);
        int last = (int)((end - 1) / destinationSize);
        if (first == last)
        {
            return new AreaSpan(first, last, sourceSize, 0, destinationSize);
        }

        int firstWeight = (int)((((long)first + 1) * destinationSize) - start);
        int lastWeight = (int)(end - ((long)last * destinationSize));
        return new AreaSpan(first, last, firstWeight, lastWeight, destinationSize);
    }

    /// <summary>
    /// sum of weight x pixel over the span, along the row of <paramref name="data"/> that
    /// starts at <paramref name="rowStart"/>: at most 255 x N.
    /// </summary>
    public int WeightedSum(ReadOnlySpan<byte> data, int rowStart)
    {
        if (First == Last)
        {
            return FirstWeight * data[rowStart + First];
        }

        int inner = 0;
        foreach (byte p in data.Slice(rowStart + First + 1, Last - First - 1))
        {
            inner += p;
        }

        return (FirstWeight * data[rowStart + First]) + (FullWeight * inner) + (LastWeight * data[rowStart + Last]);
    }
}
