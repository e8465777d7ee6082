namespace ConvCore.Fixed.Correlation;

/// <summary>How the kernel treats the edges of the input.</summary>
public enum BorderMode
{
    /// <summary>
    /// Only where the kernel fits entirely: output (n_h - k_h + 1) x (n_w - k_w + 1), the
    /// seed's formula (with stride s: floor((n - k) / s) + 1).
    /// </summary>
    Valid,

    /// <summary>Output the size of the input; samples outside the input read as 0.</summary>
    SameZero,

    /// <summary>Output the size of the input; samples outside repeat the nearest edge pixel.</summary>
    SameReplicate,
}
