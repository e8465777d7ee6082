using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// A buffer whose first element sits on a 64-byte boundary and never moves: a pinned array
/// with a leading offset. Unaligned frames made the timings swing by about 30% from run to
/// run (a row's loads straddle cache lines differently each time), so every frame, ours and
/// OpenCV's, lives in one of these.
/// </summary>
/// <remarks>
/// Pinned-object-heap arrays give a stable address without unsafe code, so OpenCV can wrap
/// the same memory with <c>Mat.FromPixelData</c>.
/// </remarks>
public sealed class AlignedBuffer<T> where T : unmanaged
{
    /// <summary>A cache line on x64 (and the widest vector this machine has).</summary>
    public const int Alignment = 64;

    private readonly T[] _array;
    private readonly int _offset;

    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        int elementSize = Unsafe.SizeOf<T>();
        _array = GC.AllocateArray<T>(length + (Alignment / elementSize), pinned: true);
        long misalignment = Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0) % Alignment;
        _offset = misalignment == 0 ? 0 : (int)((Alignment - misalignment) / elementSize);
        Length = length;
        if (Address % Alignment != 0)
        {
            throw new InvalidOperationException($"Could not align a buffer of {typeof(T).Name} to {Alignment} bytes.");
        }
    }

    public int Length { get; }

    public Span<T> Span => _array.AsSpan(_offset, Length);

    /// <summary>The address of the first element, for native code.</summary>
    public nint Address => Marshal.UnsafeAddrOfPinnedArrayElement(_array, _offset);
}
