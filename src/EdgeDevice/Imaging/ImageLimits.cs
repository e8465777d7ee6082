namespace EdgeDevice.Imaging;

/// <summary>
/// Bounds on what the image decoder will accept, so a hostile or accidental huge file fails
/// with a clear message instead of exhausting the memory of a small board.
/// </summary>
public sealed record ImageLimits
{
    /// <summary>16 megapixels: any camera photo of today, well below what a 1 GB Pi can hold.</summary>
    public const long DefaultMaxPixels = 16_000_000;

    /// <summary>The setting that raises the pixel limit; named in the refusal message.</summary>
    public const string MaxPixelsSetting = "Source:MaxPixels";

    /// <summary>Largest width x height the decoder accepts (checked from the header, before decoding).</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Memory ImageSharp may keep pooled between decodes. Small by default: frames are decoded
    /// one at a time and a Pi has little memory to spare.
    /// </summary>
    public int PoolMegabytes { get; init; } = 32;

    public static ImageLimits Default { get; } = new();

    /// <summary>
    /// The largest single buffer ImageSharp may allocate: room for the biggest accepted image in
    /// the widest pixel type the decoders produce (8 bytes per pixel, 16-bit RGBA), plus headroom
    /// for decoder work buffers. Derived so that raising <see cref="MaxPixels"/> raises it too.
    /// </summary>
    public int AllocationLimitMegabytes
    {
        get
        {
            long bytes = (MaxPixels * 8) + (64L << 20);
            return (int)Math.Min(int.MaxValue, (bytes + (1 << 20) - 1) >> 20);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting if a limit is unusable.</summary>
    public void Validate()
    {
        if (MaxPixels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, $"{MaxPixelsSetting} must be at least 1 pixel.");
        }

        // 2^31 pixels: LumaFrame holds the decoded frame in one byte array.
        if (MaxPixels > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, $"{MaxPixelsSetting} must be at most {int.MaxValue} pixels (one frame buffer).");
        }

        if (PoolMegabytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PoolMegabytes), PoolMegabytes, "Image pool size (PoolMegabytes) must not be negative.");
        }
    }
}
