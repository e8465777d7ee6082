using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>One self-test input: an 8-bit plane with row padding, a kernel, a mode and a requantiser.</summary>
internal sealed record SelfTestCase(int Width, int Height, int Stride, byte[] Pixels, FixedKernel Kernel, BorderMode Mode, Requantizer Requantizer)
{
    public override string ToString() =>
        $"{Width}x{Height} input (stride {Stride}), {Mode}, {Kernel.Rows}x{Kernel.Cols} kernel " +
        $"[{string.Join(",", Kernel.Weights.ToArray())}] Q{Kernel.FractionBits} bias {Kernel.Bias}, " +
        $"requantizer x{Requantizer.Multiplier} >>{Requantizer.Shift}";
}
