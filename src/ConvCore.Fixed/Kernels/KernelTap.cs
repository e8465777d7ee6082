namespace ConvCore.Fixed.Kernels;

/// <summary>One non-zero weight of a kernel and where it sits. Zero taps are never stored.</summary>
public readonly record struct KernelTap(int Row, int Col, short Weight);
