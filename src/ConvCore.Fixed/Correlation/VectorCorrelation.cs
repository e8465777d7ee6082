using System.Runtime.Intrinsics;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Vector fast paths for the interior of a stride-1 correlation of 8-bit planes. Each
/// method returns false when it has no path for this kernel, output or machine; the
/// caller then runs the scalar specification for the whole output.
/// </summary>
/// <remarks>
/// Two choices are made once per call. The vector width: Vector256 where the hardware
/// accelerates it and the interior is at least one 32-pixel block wide, else Vector128 (NEON
/// on a Pi) for interiors of 16 pixels or more. The accumulator lanes: int16 when the
/// kernel's bound proves they cannot overflow, else int32. Every shape (1x2, 3x3, 5x5,
/// k x k) runs the same tap loop over the kernel's non-zero taps.
/// </remarks>
internal static class VectorCorrelation
{
    public static bool TryInteriorRaw(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<int> output, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used) =>
        TryRun(input, kernel, output, g, interior, maxPath, default(VectorRawSink), out used);

    public static bool TryInteriorInt16(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<short> output, Requantizer requantizer, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used) =>
        VectorRequantizer.TryCreate(kernel, requantizer, out VectorRequantizer lanes)
            ? TryRun(input, kernel, output, g, interior, maxPath, new VectorInt16Sink(lanes), out used)
            : TryRun(input, kernel, output, g, interior, maxPath, new VectorPerLaneSink<short, VectorLaneInt16Store>(new(new(requantizer, kernel.Bias))), out used);

    public static bool TryInteriorByte(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<byte> output, Requantizer requantizer, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used) =>
        VectorRequantizer.TryCreate(kernel, requantizer, out VectorRequantizer lanes)
            ? TryRun(input, kernel, output, g, interior, maxPath, new VectorByteSink(lanes), out used)
            : TryRun(input, kernel, output, g, interior, maxPath, new VectorPerLaneSink<byte, VectorLaneByteStore>(new(new(requantizer, kernel.Bias))), out used);

    /// <summary>
    /// The path the interior gets: the widest vector the hardware accelerates, the caller
    /// allows and the interior fills at least once; Scalar when there is none.
    /// </summary>
    public static CorrelationPath ChoosePath(OutputRegion interior, CorrelationPath maxPath)
    {
        if (interior.IsEmpty)
        {
            return CorrelationPath.Scalar;
        }

        if (maxPath >= CorrelationPath.Vector256 && Vector256.IsHardwareAccelerated && interior.Width >= VectorInt16Lanes256.Width)
        {
            return CorrelationPath.Vector256;
        }

        if (maxPath >= CorrelationPath.Vector128 && Vector128.IsHardwareAccelerated && interior.Width >= VectorInt16Lanes128.Width)
        {
            return CorrelationPath.Vector128;
        }

        return CorrelationPath.Scalar;
    }

    /// <summary>The accumulator lanes a kernel gets: "int16-lanes" when its bound allows, else "int32-lanes".</summary>
    public static string LaneFamily(FixedKernel kernel) => kernel.FitsInt16Accumulator ? "int16-lanes" : "int32-lanes";

    private static bool TryRun<TOut, TSink>(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<TOut> output, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, in TSink sink, out CorrelationPath used)
        where TOut : unmanaged
        where TSink : struct, IVectorSink<TOut>
    {
        used = ChoosePath(interior, maxPath);
        ReadOnlySpan<KernelTap> taps = kernel.NonZeroTaps;
        bool int16Lanes = kernel.FitsInt16Accumulator;
        switch (used)
        {
            case CorrelationPath.Vector256 when int16Lanes:
                VectorInteriorLoop<VectorInt16Lanes256>.Run(input, output, taps, g, interior, sink);
                return true;
            case CorrelationPath.Vector256:
                VectorInteriorLoop<VectorInt32Lanes256>.Run(input, output, taps, g, interior, sink);
                return true;
            case CorrelationPath.Vector128 when int16Lanes:
                VectorInteriorLoop<VectorInt16Lanes128>.Run(input, output, taps, g, interior, sink);
                return true;
            case CorrelationPath.Vector128:
                VectorInteriorLoop<VectorInt32Lanes128>.Run(input, output, taps, g, interior, sink);
                return true;
            default:
                return false;
        }
    }
}
