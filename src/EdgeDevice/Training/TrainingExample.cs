using ConvCore.Fixed.Planes;

namespace EdgeDevice.Training;

/// <summary>
/// One whole (X, Y) pair: an 8-bit luma image and its valid-mode target, (H - kh + 1) x
/// (W - kw + 1) int32 values in the training set's target format. Crops are taken from it.
/// </summary>
public sealed class TrainingExample
{
    public TrainingExample(string origin, byte[] pixels, int width, int height, int[] target, int targetWidth, int targetHeight)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(target);
        if (pixels.Length != width * height)
        {
            throw new ArgumentException($"{origin}: {pixels.Length} pixels do not make a {width}x{height} image.", nameof(pixels));
        }

        if (target.Length != targetWidth * targetHeight)
        {
            throw new ArgumentException($"{origin}: {target.Length} target values do not make a {targetWidth}x{targetHeight} map.", nameof(target));
        }

        Origin = origin;
        Pixels = pixels;
        Width = width;
        Height = height;
        Target = target;
        TargetWidth = targetWidth;
        TargetHeight = targetHeight;
    }

    /// <summary>Where the pair came from (a file name), for messages.</summary>
    public string Origin { get; }

    public byte[] Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public int[] Target { get; }

    public int TargetWidth { get; }

    public int TargetHeight { get; }

    public ReadOnlyPlane<byte> Input => new(Pixels, Width, Height);

    public ReadOnlyPlane<int> TargetPlane => new(Target, TargetWidth, TargetHeight);
}
