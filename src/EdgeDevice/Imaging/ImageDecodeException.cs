namespace EdgeDevice.Imaging;

/// <summary>
/// An image file that cannot be used: missing, empty, a refused format, too large, damaged.
/// The message is one sentence naming the file and the problem, fit to show a user as is.
/// </summary>
public sealed class ImageDecodeException(string filePath, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The path as the caller gave it.</summary>
    public string FilePath { get; } = filePath;
}
