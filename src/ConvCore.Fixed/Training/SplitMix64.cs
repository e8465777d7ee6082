namespace ConvCore.Fixed.Training;

/// <summary>
/// A tiny seeded generator for stochastic rounding. Written out here (not System.Random) so
/// a seed gives the same bits on every runtime and machine, and a step allocates nothing.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        // Steele, Lea and Flood's SplitMix64 finaliser constants.
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
