namespace ConvCore.Fixed.Kernels;

/// <summary>
/// What the pipeline applies to a frame: one kernel, or the gradient magnitude of an x/y
/// kernel pair. A definition chooses the implementation; callers do not switch on names.
/// </summary>
public abstract record Filter(string Name)
{
    /// <summary>Kernel rows (the taller of a pair).</summary>
    public abstract int Rows { get; }

    /// <summary>Kernel columns (the wider of a pair).</summary>
    public abstract int Cols { get; }

    /// <summary>True when outputs can be negative (shown with a signed colour map).</summary>
    public abstract bool IsSigned { get; }
}

/// <summary>A single kernel: the feature map is its correlation.</summary>
public sealed record KernelFilter(FixedKernel Kernel) : Filter(Kernel.Name)
{
    public override int Rows => Kernel.Rows;

    public override int Cols => Kernel.Cols;

    public override bool IsSigned
    {
        get
        {
            foreach (KernelTap t in Kernel.NonZeroTaps)
            {
                if (t.Weight < 0)
                {
                    return true;
                }
            }

            return Kernel.Bias < 0;
        }
    }
}

/// <summary>The magnitude of the gradient given by an x and a y kernel of the same size.</summary>
public sealed record GradientMagnitudeFilter(string FilterName, FixedKernel X, FixedKernel Y, MagnitudeNorm Norm) : Filter(FilterName)
{
    public override int Rows => X.Rows;

    public override int Cols => X.Cols;

    public override bool IsSigned => false;
}

/// <summary>How two gradient components combine into one magnitude.</summary>
public enum MagnitudeNorm
{
    /// <summary>|gx| + |gy|: cheap, and what OpenCV's and most edge demos' "Sobel magnitude" means.</summary>
    L1,

    /// <summary>floor(sqrt(gx^2 + gy^2)), computed with an exact integer square root.</summary>
    L2,
}
