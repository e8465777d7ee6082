using System.Runtime.CompilerServices;

namespace ConvCore.Fixed.Requantization;

/// <summary>
/// Turns one exact accumulator into one output element. Implemented by small structs so
/// the generic loops are specialised per output type with no delegate or virtual call.
/// </summary>
internal interface IAccumulatorStore<TOut> where TOut : unmanaged
{
    TOut Store(long accumulator);
}

/// <summary>The raw accumulator (bias not added). Exact for 8-bit input: |acc| &lt; 2^31.</summary>
internal readonly struct RawInt32Store : IAccumulatorStore<int>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Store(long accumulator) => (int)accumulator;
}

internal readonly struct Int16Store(Requantizer requantizer, int bias) : IAccumulatorStore<short>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Store(long accumulator) => Rounding.SaturateToInt16(requantizer.Apply(accumulator, bias));
}

internal readonly struct ByteStore(Requantizer requantizer, int bias) : IAccumulatorStore<byte>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Store(long accumulator) => Rounding.SaturateToByte(requantizer.Apply(accumulator, bias));
}

/// <summary>16-bit input: the accumulator may exceed what (acc + bias) x multiplier allows in a long.</summary>
internal readonly struct WideInt16Store(Requantizer requantizer, int bias) : IAccumulatorStore<short>
{
    public short Store(long accumulator)
    {
        Int128 v = requantizer.ApplyWide(accumulator, bias);
        return v > short.MaxValue ? short.MaxValue : v < short.MinValue ? short.MinValue : (short)v;
    }
}

internal readonly struct WideInt32Store(Requantizer requantizer, int bias) : IAccumulatorStore<int>
{
    public int Store(long accumulator)
    {
        Int128 v = requantizer.ApplyWide(accumulator, bias);
        return v > int.MaxValue ? int.MaxValue : v < int.MinValue ? int.MinValue : (int)v;
    }
}
