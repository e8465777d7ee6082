namespace EdgeDevice.Sources;

/// <summary>What an image input argument turned out to name.</summary>
internal enum ImageInputKind
{
    SingleFile,
    Folder,
    Pattern,
}
