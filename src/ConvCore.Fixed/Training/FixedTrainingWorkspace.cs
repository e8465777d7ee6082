using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Training;

/// <summary>
/// Every buffer a fixed-point step needs, allocated once for the largest frame the trainer
/// accepts, so that a step allocates nothing.
/// </summary>
internal sealed class FixedTrainingWorkspace
{
    public FixedTrainingWorkspace(int maxInputWidth, int maxInputHeight, int rows, int cols)
    {
        MaxInputWidth = maxInputWidth;
        MaxInputHeight = maxInputHeight;
        Errors = new int[(maxInputWidth - cols + 1) * (maxInputHeight - rows + 1)];
        ExampleGradient = new long[rows * cols];
        NewMaster = new long[rows * cols];
        NewVelocity = new long[rows * cols];
        Taps = new KernelTap[rows * cols];
    }

    public int MaxInputWidth { get; }

    public int MaxInputHeight { get; }

    /// <summary>The int32 error map of one example (valid-mode output size).</summary>
    public int[] Errors { get; }

    /// <summary>One example's gradient sums, before they join the batch's Int128 totals.</summary>
    public long[] ExampleGradient { get; }

    /// <summary>Candidate master weights: committed only if every one stays in range.</summary>
    public long[] NewMaster { get; }

    /// <summary>Candidate momentum velocities, committed with <see cref="NewMaster"/>.</summary>
    public long[] NewVelocity { get; }

    /// <summary>The non-zero forward weights as taps (what the correlator's loop visits).</summary>
    public KernelTap[] Taps { get; }

    public int TapCount { get; set; }
}
