namespace EdgeDevice.Npy;

/// <summary>
/// The element types EdgeDevice writes and reads, with their NumPy dtype strings: '|u1' for
/// luma planes, '&lt;i2' for feature maps, '&lt;i4' for accumulators.
/// </summary>
internal static class NpyElement
{
    public static string Descr<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return "|u1";
        }

        if (typeof(T) == typeof(short))
        {
            return "<i2";
        }

        if (typeof(T) == typeof(int))
        {
            return "<i4";
        }

        throw new ArgumentException($"Element type {typeof(T).Name} has no .npy mapping here; use byte, short or int.", nameof(T));
    }

    /// <summary>True when <paramref name="descr"/> names the same type as <paramref name="expected"/> ('|u1' and '&lt;u1' are both uint8).</summary>
    public static bool Matches(string descr, string expected) =>
        descr == expected || (expected == "|u1" && descr is "<u1" or "=u1" or "u1" or "B");
}
