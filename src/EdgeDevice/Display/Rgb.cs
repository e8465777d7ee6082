namespace EdgeDevice.Display;

/// <summary>One LED's colour, 8 bits per channel.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Black => default;

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
