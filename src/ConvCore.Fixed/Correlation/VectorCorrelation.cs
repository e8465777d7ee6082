using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Vector fast paths for the interior of a stride-1 correlation of 8-bit planes. Each
/// method returns false when it has no path for this kernel, output or machine; the
/// caller then runs the scalar specification for the whole output.
/// </summary>
internal static class VectorCorrelation
{
    public static bool TryInteriorRaw(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<int> output, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used)
    {
        used = CorrelationPath.Scalar;
        return false;
    }

    public static bool TryInteriorInt16(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<short> output, Requantizer requantizer, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used)
    {
        used = CorrelationPath.Scalar;
        return false;
    }

    public static bool TryInteriorByte(ReadOnlyPlane<byte> input, FixedKernel kernel, Plane<byte> output, Requantizer requantizer, in CorrelationGeometry g, OutputRegion interior, CorrelationPath maxPath, out CorrelationPath used)
    {
        used = CorrelationPath.Scalar;
        return false;
    }
}
