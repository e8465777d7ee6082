namespace ConvCore.Fixed.Correlation;

/// <summary>
/// One non-zero kernel tap prepared for the vector loops: where its sample sits relative to
/// the window's top-left in the input buffer (row x stride + col), and its weight. Worked
/// out once per call, so the block loop does no index arithmetic per tap.
/// </summary>
internal readonly record struct VectorTap(int Offset, short Weight);
