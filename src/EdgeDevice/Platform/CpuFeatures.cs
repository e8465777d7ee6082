using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EdgeDevice.Platform;

/// <summary>The vector features the core's fast paths use, as this process sees them.</summary>
public static class CpuFeatures
{
    public static string Describe()
    {
        var parts = new List<string>
        {
            $"arch {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}",
            $"Vector128 {(Vector128.IsHardwareAccelerated ? "yes" : "no")}",
            $"Vector256 {(Vector256.IsHardwareAccelerated ? "yes" : "no")}",
        };
        if (Avx2.IsSupported)
        {
            parts.Add("AVX2");
        }

        if (AdvSimd.IsSupported)
        {
            parts.Add("AdvSimd (NEON)");
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            parts.Add("AdvSimd.Arm64");
        }

        return string.Join(", ", parts);
    }
}
