using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>What the running process may use: the vector widths the JIT accelerates and the instruction sets behind them.</summary>
public readonly record struct CpuFeatures(bool Vector128Accelerated, bool Vector256Accelerated, bool Avx2, bool AdvSimd)
{
    /// <summary>The features of this process (DOTNET_EnableHWIntrinsic=0 turns them all off).</summary>
    public static CpuFeatures Current => new(Vector128.IsHardwareAccelerated, Vector256.IsHardwareAccelerated, X86Avx2Supported, ArmAdvSimdSupported);

    private static bool X86Avx2Supported => System.Runtime.Intrinsics.X86.Avx2.IsSupported;

    private static bool ArmAdvSimdSupported => System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;

    public override string ToString() =>
        $"Vector128 {(Vector128Accelerated ? "accelerated" : "not accelerated")}, Vector256 {(Vector256Accelerated ? "accelerated" : "not accelerated")}, AVX2 {(Avx2 ? "yes" : "no")}, AdvSimd {(AdvSimd ? "yes" : "no")}";
}
