namespace EdgeDevice.Imaging;

/// <summary>
/// The image formats EdgeDevice decodes. Kept to the four common, well-tested decoders; the
/// others ImageSharp ships (TIFF, WebP, TGA, PBM) widen the attack surface for no gain here.
/// </summary>
public static class AcceptedImageFormats
{
    /// <summary>For messages: "PNG, JPEG, BMP or GIF".</summary>
    public const string Names = "PNG, JPEG, BMP or GIF";

    private static readonly string[] s_extensions = [".png", ".jpg", ".jpeg", ".jpe", ".bmp", ".dib", ".gif"];

    /// <summary>File extensions (lower case, with the dot) a folder or pattern listing picks up.</summary>
    public static IReadOnlyList<string> Extensions => s_extensions;

    /// <summary>True when the file name ends in one of <see cref="Extensions"/>, ignoring case.</summary>
    public static bool HasAcceptedExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        foreach (string accepted in s_extensions)
        {
            if (extension.Equals(accepted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
