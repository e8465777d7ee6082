namespace EdgeDevice.Sources;

/// <summary>A frame that could not be produced (a corrupt file, a camera hiccup); the message names the input.</summary>
public sealed class FrameSourceException(string message, Exception? inner = null) : Exception(message, inner);
