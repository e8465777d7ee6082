namespace EdgeDevice.Pipeline;

/// <summary>
/// A frame (after the working-size downscale) has fewer rows or columns than the kernel in
/// valid mode, so there is no position where the kernel fits. The CLI reports it as an
/// invalid input (exit code 2).
/// </summary>
public sealed class FrameTooSmallException : ArgumentException
{
    public FrameTooSmallException(string origin, int frameWidth, int frameHeight, int workWidth, int workHeight, string kernelName, int kernelRows, int kernelCols)
        : base(BuildMessage(origin, frameWidth, frameHeight, workWidth, workHeight, kernelName, kernelRows, kernelCols), "frame")
    {
        Origin = origin;
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        WorkWidth = workWidth;
        WorkHeight = workHeight;
        KernelName = kernelName;
        KernelRows = kernelRows;
        KernelCols = kernelCols;
    }

    /// <summary>Where the frame came from (a file name), or empty.</summary>
    public string Origin { get; }

    public int FrameWidth { get; }

    public int FrameHeight { get; }

    /// <summary>The size handed to the core (equal to the frame's unless downscaled).</summary>
    public int WorkWidth { get; }

    public int WorkHeight { get; }

    public string KernelName { get; }

    public int KernelRows { get; }

    public int KernelCols { get; }

    private static string BuildMessage(string origin, int fw, int fh, int ww, int wh, string kernelName, int rows, int cols)
    {
        string what = string.IsNullOrEmpty(origin) ? "The frame" : $"Image {origin}";
        string size = fw == ww && fh == wh ? $"{fw}x{fh}" : $"{fw}x{fh} (working size {ww}x{wh})";
        return $"{what} is {size}, smaller than the {rows}x{cols} kernel {kernelName}: valid mode needs the kernel to fit inside the image (use --mode same-zero, or a larger --work-size).";
    }
}
