using EdgeDevice.Frames;

namespace EdgeDevice.Sources;

/// <summary>
/// Yields 8-bit luminance frames: image files, the synthetic pattern, a camera. The returned
/// frame belongs to the source and stays valid until the next call.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>One line for logs and the start-up banner, e.g. "synthetic 320x240".</summary>
    string Description { get; }

    /// <summary>
    /// The next frame, or null when the source has ended (a folder read once, a finished
    /// stream). Throws <see cref="FrameSourceException"/> for a bad frame the caller may skip.
    /// </summary>
    ValueTask<LumaFrame?> ReadAsync(CancellationToken cancellationToken);
}
