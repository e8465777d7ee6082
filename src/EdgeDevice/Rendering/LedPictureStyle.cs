using EdgeDevice.Display;

namespace EdgeDevice.Rendering;

/// <summary>
/// How a picture of the matrix looks: LEDs <see cref="Diameter"/> pixels across on a
/// <see cref="Pitch"/>-pixel grid (the gap is the difference), on a dark board. An LED that
/// is fully off shows <see cref="Unlit"/>, the grey of an unpowered LED, so the grid stays visible.
/// </summary>
public sealed record LedPictureStyle
{
    public int Pitch { get; init; } = 24;

    public int Diameter { get; init; } = 18;

    public Rgb Board { get; init; } = new(10, 10, 12);

    public Rgb Unlit { get; init; } = new(30, 30, 32);

    public static LedPictureStyle Default { get; } = new();

    public void Validate()
    {
        if (Pitch < 2 || Pitch > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Pitch), Pitch, "LED pitch must be between 2 and 256 pixels.");
        }

        if (Diameter < 1 || Diameter > Pitch)
        {
            throw new ArgumentOutOfRangeException(nameof(Diameter), Diameter, $"LED diameter must be between 1 and the pitch ({Pitch}) pixels.");
        }
    }
}
