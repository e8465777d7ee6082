using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// One input for the twin comparison: an 8-bit plane (with row padding), a kernel (its bias
/// included), a border mode and a requantiser. <see cref="ToString"/> says enough to rebuild it.
/// </summary>
public sealed record TwinCase(int Width, int Height, int Stride, byte[] Pixels, FixedKernel Kernel, BorderMode Mode, Requantizer Requantizer, string PixelKind)
{
    public override string ToString() =>
        $"{Width}x{Height} stride {Stride} ({PixelKind} pixels), {Mode}, kernel {Kernel.Rows}x{Kernel.Cols} " +
        $"[{string.Join(",", Kernel.Weights.ToArray())}] Q{Kernel.FractionBits} bias {Kernel.Bias}, " +
        $"requantizer x{Requantizer.Multiplier} >>{Requantizer.Shift}";
}
