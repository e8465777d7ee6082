using ConvCore.Fixed.Correlation;

namespace ConvCore.Fixed.Layers;

/// <summary>
/// The shape of one correlation layer in a stack: kernel size, strides and border mode.
/// Enough to work out output sizes and receptive fields without any weights.
/// </summary>
public readonly record struct LayerSpec(int KernelRows, int KernelCols, int StrideY = 1, int StrideX = 1, BorderMode Mode = BorderMode.Valid)
{
    /// <summary>The correlation options this layer runs with (mode and strides).</summary>
    public CorrelationOptions ToOptions() => new() { Mode = Mode, StrideY = StrideY, StrideX = StrideX };

    /// <summary>Refuses a layer with a non-positive size or stride; <paramref name="index"/> says which layer.</summary>
    internal void Validate(int index, string paramName)
    {
        if (KernelRows < 1 || KernelCols < 1)
        {
            throw new ArgumentException($"Layer {index} has a {KernelRows}x{KernelCols} kernel; kernel rows and cols must be at least 1.", paramName);
        }

        if (StrideY < 1 || StrideX < 1)
        {
            throw new ArgumentException($"Layer {index} has stride {StrideY}x{StrideX}; strides must be at least 1.", paramName);
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentException($"Layer {index} has an unknown border mode ({(int)Mode}).", paramName);
        }
    }
}
