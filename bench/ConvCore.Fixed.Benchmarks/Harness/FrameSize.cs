using System.Globalization;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>A frame size, shown as "WxH" in result tables.</summary>
/// <remarks>Ordered by pixel count, so result tables list the small frame first.</remarks>
public readonly record struct FrameSize(int Width, int Height) : IComparable<FrameSize>, IComparable
{
    /// <summary>The two sizes of the core issue: VGA and full HD.</summary>
    public static IReadOnlyList<FrameSize> Standard { get; } = [new(640, 480), new(1920, 1080)];

    public int Pixels => Width * Height;

    public int CompareTo(FrameSize other) => Pixels.CompareTo(other.Pixels);

    public int CompareTo(object? obj) => obj is FrameSize other
        ? CompareTo(other)
        : throw new ArgumentException("A FrameSize can only be compared with another FrameSize.", nameof(obj));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
