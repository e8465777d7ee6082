namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Output size and anchor of a correlation. Output pixel (oy, ox) reads the input window
/// whose top-left corner is (oy x StrideY - AnchorY, ox x StrideX - AnchorX).
/// </summary>
/// <remarks>
/// Same modes anchor at (floor((kh - 1) / 2), floor((kw - 1) / 2)), as PyTorch's
/// padding='same' and OpenCV's default anchor do.
/// </remarks>
public readonly record struct CorrelationGeometry(
    int InputWidth, int InputHeight, int KernelRows, int KernelCols,
    BorderMode Mode, int StrideY, int StrideX,
    int OutputWidth, int OutputHeight, int AnchorY, int AnchorX)
{
    /// <summary>Works out the geometry, refusing impossible combinations with a clear message.</summary>
    public static CorrelationGeometry Create(int inputWidth, int inputHeight, int kernelRows, int kernelCols, in CorrelationOptions options)
    {
        if (options.StrideY < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StrideY, "StrideY must be at least 1.");
        }

        if (options.StrideX < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StrideX, "StrideX must be at least 1.");
        }

        int outH, outW, anchorY, anchorX;
        switch (options.Mode)
        {
            case BorderMode.Valid:
                if (kernelRows > inputHeight)
                {
                    throw new ArgumentException($"The kernel has {kernelRows} rows but the input only {inputHeight}: valid mode needs the kernel to fit inside the input.", "kernel");
                }

                if (kernelCols > inputWidth)
                {
                    throw new ArgumentException($"The kernel has {kernelCols} columns but the input only {inputWidth}: valid mode needs the kernel to fit inside the input.", "kernel");
                }

                outH = ((inputHeight - kernelRows) / options.StrideY) + 1;
                outW = ((inputWidth - kernelCols) / options.StrideX) + 1;
                anchorY = 0;
                anchorX = 0;
                break;
            case BorderMode.SameZero:
            case BorderMode.SameReplicate:
                outH = ((inputHeight - 1) / options.StrideY) + 1;
                outW = ((inputWidth - 1) / options.StrideX) + 1;
                anchorY = (kernelRows - 1) / 2;
                anchorX = (kernelCols - 1) / 2;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown border mode.");
        }

        return new CorrelationGeometry(inputWidth, inputHeight, kernelRows, kernelCols, options.Mode,
            options.StrideY, options.StrideX, outW, outH, anchorY, anchorX);
    }

    /// <summary>
    /// The output rectangle whose windows lie wholly inside the input (for stride 1): the
    /// part a fast path may compute without border handling. May be empty.
    /// </summary>
    public OutputRegion Interior
    {
        get
        {
            // window rows oy*s - ay .. oy*s - ay + kh - 1 must lie in 0 .. H-1
            int top = CeilDiv(AnchorY, StrideY);
            int bottom = FloorDiv(InputHeight - KernelRows + AnchorY, StrideY) + 1;
            int left = CeilDiv(AnchorX, StrideX);
            int right = FloorDiv(InputWidth - KernelCols + AnchorX, StrideX) + 1;
            top = Math.Clamp(top, 0, OutputHeight);
            bottom = Math.Clamp(bottom, top, OutputHeight);
            left = Math.Clamp(left, 0, OutputWidth);
            right = Math.Clamp(right, left, OutputWidth);
            return new OutputRegion(top, bottom, left, right);
        }
    }

    private static int CeilDiv(int a, int b) => -FloorDiv(-a, b);

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
