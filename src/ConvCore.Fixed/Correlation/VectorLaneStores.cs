using System.Runtime.CompilerServices;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

// Branch-free twins of Int16Store and ByteStore for the per-lane sink: the rounding of
// VectorLaneRounding, and saturation by min/max (which the JIT turns into conditional moves).

/// <summary>saturate_int16(round_half_even((acc + bias) x m / 2^s)), without branches.</summary>
internal readonly struct VectorLaneInt16Store(VectorLaneRounding rounding) : IAccumulatorStore<short>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Store(long accumulator) => (short)Math.Min(Math.Max(rounding.Apply(accumulator), short.MinValue), short.MaxValue);
}

/// <summary>saturate_uint8(round_half_even((acc + bias) x m / 2^s)), without branches.</summary>
internal readonly struct VectorLaneByteStore(VectorLaneRounding rounding) : IAccumulatorStore<byte>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Store(long accumulator) => (byte)Math.Min(Math.Max(rounding.Apply(accumulator), 0L), 255L);
}
