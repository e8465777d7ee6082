namespace EdgeDevice.Sources;

/// <summary>Argument checks shared by the sources; messages name the setting.</summary>
internal static class SourceOptionChecks
{
    public const double MaxFramesPerSecond = 1000;

    public static void FramesPerSecond(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > MaxFramesPerSecond)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Frames per second must be between 0 (as fast as possible) and {MaxFramesPerSecond}.");
        }
    }

    public static void FrameSize(int width, int height)
    {
        if (width < 1 || width > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Frame width must be between 1 and 8192.");
        }

        if (height < 1 || height > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "Frame height must be between 1 and 8192.");
        }
    }
}
