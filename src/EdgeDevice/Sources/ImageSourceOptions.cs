using EdgeDevice.Imaging;

namespace EdgeDevice.Sources;

/// <summary>How an <see cref="ImageFileSource"/> plays its files.</summary>
public sealed record ImageSourceOptions
{
    /// <summary>Start again after the last file (true) or end the source (false, the default).</summary>
    public bool Loop { get; init; }

    /// <summary>Frames per second; 0 (the default) delivers frames as fast as they are read.</summary>
    public double FramesPerSecond { get; init; }

    /// <summary>Size and memory bounds for decoding.</summary>
    public ImageLimits Limits { get; init; } = ImageLimits.Default;

    /// <summary>The clock used for pacing; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public static ImageSourceOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the option that is wrong.</summary>
    public void Validate()
    {
        SourceOptionChecks.FramesPerSecond(FramesPerSecond, nameof(FramesPerSecond));
        ArgumentNullException.ThrowIfNull(Limits, nameof(Limits));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        Limits.Validate();
    }
}
