namespace ConvCore.Fixed.Training;

/// <summary>
/// The per-example buffers of a fixed-point step, allocated once for the largest input the
/// trainer accepts, so that a step allocates nothing.
/// </summary>
internal sealed class FixedTrainingWorkspace
{
    public FixedTrainingWorkspace(int maxInputWidth, int maxInputHeight, int rows, int cols)
    {
        MaxInputWidth = maxInputWidth;
        MaxInputHeight = maxInputHeight;
        Errors = new int[(maxInputWidth - cols + 1) * (maxInputHeight - rows + 1)];
        ExampleGradient = new long[rows * cols];
    }

    public int MaxInputWidth { get; }

    public int MaxInputHeight { get; }

    /// <summary>The forward accumulators, then in place the int32 error map, of one example.</summary>
    public int[] Errors { get; }

    /// <summary>One example's gradient sums, before they join the batch's Int128 totals.</summary>
    public long[] ExampleGradient { get; }
}
