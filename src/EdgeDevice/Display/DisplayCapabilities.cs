namespace EdgeDevice.Display;

/// <summary>
/// What the pipeline needs to know to render for a display: its size as the viewer sees it,
/// colour depth, rotation (0/90/180/270, applied by the display) and brightness cap
/// (0..1, the largest channel value it will emit as a fraction of 255).
/// </summary>
public sealed record DisplayCapabilities(int Width, int Height, ColorDepth Depth, int Rotation = 0, double BrightnessCap = 1.0)
{
    public static void ValidateRotation(int rotation)
    {
        if (rotation is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Rotation must be 0, 90, 180 or 270.");
        }
    }
}
