namespace EdgeDevice.Npy;

/// <summary>A .npy file that cannot be read as asked; the message names the file and the problem.</summary>
public sealed class NpyFormatException(string filePath, string message, Exception? inner = null) : Exception(message, inner)
{
    public string FilePath { get; } = filePath;
}
