using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Layers;

/// <summary>
/// Receptive fields and output sizes of stacked correlation layers (the seed's "feature map
/// and receptive field": two stacked 2x2 layers see a 3x3 input region).
/// </summary>
/// <remarks>
/// Border mode does not change the receptive field: padding only decides what the window
/// reads where it hangs over the edge. It does change the output size. The field is an
/// extent: a stride larger than its kernel skips input pixels, and a zero weight ignores
/// one, so some pixels inside the field may not affect the output.
/// </remarks>
public static class ReceptiveField
{
    /// <summary>
    /// Folds the layers from the input upwards: each layer widens the field by
    /// (k - 1) x (the jump so far), and multiplies the jump by its stride.
    /// No layers: a 1x1 field with jump 1.
    /// </summary>
    public static ReceptiveFieldSize Of(ReadOnlySpan<LayerSpec> layers)
    {
        long rows = 1, cols = 1, jumpY = 1, jumpX = 1;
        for (int i = 0; i < layers.Length; i++)
        {
            LayerSpec l = layers[i];
            l.Validate(i, nameof(layers));
            rows += (l.KernelRows - 1) * jumpY;
            cols += (l.KernelCols - 1) * jumpX;
            jumpY *= l.StrideY;
            jumpX *= l.StrideX;
            if (Math.Max(Math.Max(rows, cols), Math.Max(jumpY, jumpX)) > int.MaxValue)
            {
                throw new ArgumentException($"The receptive field of the first {i + 1} layers no longer fits an int.", nameof(layers));
            }
        }

        return new ReceptiveFieldSize((int)rows, (int)cols, (int)jumpY, (int)jumpX);
    }

    /// <summary>
    /// The output size after running every layer in turn on an input of this size, by the
    /// same rules as <see cref="CorrelationGeometry.Create"/> (which reports a layer that
    /// does not fit).
    /// </summary>
    public static (int Height, int Width) OutputSize(int inputHeight, int inputWidth, ReadOnlySpan<LayerSpec> layers)
    {
        if (inputHeight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputHeight), inputHeight, "The input height must be at least 1.");
        }

        if (inputWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputWidth), inputWidth, "The input width must be at least 1.");
        }

        int h = inputHeight, w = inputWidth;
        for (int i = 0; i < layers.Length; i++)
        {
            LayerSpec l = layers[i];
            l.Validate(i, nameof(layers));
            if (l.Mode == BorderMode.Valid && (l.KernelRows > h || l.KernelCols > w))
            {
                throw new ArgumentException(
                    $"Layer {i} has a {l.KernelRows}x{l.KernelCols} kernel but its input is only {w}x{h} (width x height): valid mode needs the kernel to fit.",
                    nameof(layers));
            }

            CorrelationGeometry g = CorrelationGeometry.Create(w, h, l.KernelRows, l.KernelCols, l.ToOptions());
            h = g.OutputHeight;
            w = g.OutputWidth;
        }

        return (h, w);
    }
}
