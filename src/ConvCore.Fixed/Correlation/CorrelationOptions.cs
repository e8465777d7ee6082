namespace ConvCore.Fixed.Correlation;

/// <summary>Border mode, stride and the fastest path the caller allows.</summary>
public readonly record struct CorrelationOptions
{
    public CorrelationOptions()
    {
    }

    public CorrelationOptions(BorderMode mode, int stride = 1)
    {
        Mode = mode;
        StrideY = stride;
        StrideX = stride;
    }

    public BorderMode Mode { get; init; } = BorderMode.Valid;

    /// <summary>Step between output rows, in input rows (1 = every row).</summary>
    public int StrideY { get; init; } = 1;

    /// <summary>Step between output columns, in input columns (1 = every column).</summary>
    public int StrideX { get; init; } = 1;

    /// <summary>The fastest path allowed; <see cref="CorrelationPath.Scalar"/> forces the specification.</summary>
    public CorrelationPath MaxPath { get; init; } = CorrelationPath.Vector256;

    public static CorrelationOptions Valid => new();

    public static CorrelationOptions ScalarOnly => new() { MaxPath = CorrelationPath.Scalar };
}
