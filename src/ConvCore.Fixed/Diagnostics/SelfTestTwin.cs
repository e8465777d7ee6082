using System.Runtime.InteropServices;
using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>The output types of the 8-bit correlation, as the self-test names them.</summary>
internal enum SelfTestOutput
{
    Int32,
    Int16,
    UInt8,
}

/// <summary>
/// Runs one case through the dispatcher twice, capped at Scalar and at the vector path
/// under test, and describes the first difference (or a path that did not run) in words.
/// </summary>
internal static class SelfTestTwin
{
    /// <returns>Null when the vector path ran and matched bit for bit; otherwise what went wrong.</returns>
    public static string? Compare(SelfTestCase c, SelfTestOutput output, CorrelationPath path, bool corrupt) => output switch
    {
        SelfTestOutput.Int32 => Compare<int>(c, path, corrupt, (input, o, options) => Correlator.Correlate(input, c.Kernel, o, options)),
        SelfTestOutput.Int16 => Compare<short>(c, path, corrupt, (input, o, options) => Correlator.Correlate(input, c.Kernel, o, c.Requantizer, options)),
        _ => Compare<byte>(c, path, corrupt, (input, o, options) => Correlator.Correlate(input, c.Kernel, o, c.Requantizer, options)),
    };

    private static string? Compare<T>(SelfTestCase c, CorrelationPath path, bool corrupt, Run<T> run)
        where T : unmanaged, IEquatable<T>
    {
        var input = new ReadOnlyPlane<byte>(c.Pixels, c.Width, c.Height, c.Stride);
        CorrelationGeometry g = CorrelationGeometry.Create(c.Width, c.Height, c.Kernel.Rows, c.Kernel.Cols, new CorrelationOptions(c.Mode));
        int outStride = g.OutputWidth + 1;
        int length = ((g.OutputHeight - 1) * outStride) + g.OutputWidth;
        var scalar = new T[length];
        var vector = new T[length];

        run(input, new Plane<T>(scalar, g.OutputWidth, g.OutputHeight, outStride), new CorrelationOptions(c.Mode) { MaxPath = CorrelationPath.Scalar });
        CorrelationPath used = run(input, new Plane<T>(vector, g.OutputWidth, g.OutputHeight, outStride), new CorrelationOptions(c.Mode) { MaxPath = path });
        if (used != path)
        {
            return $"the dispatcher ran {used} instead of {path} on {c}";
        }

        if (corrupt)
        {
            // The internal hook of the self-test's own tests: a deliberately wrong result.
            MemoryMarshal.AsBytes(vector.AsSpan())[0] ^= 1;
        }

        for (int i = 0; i < length; i++)
        {
            if (!vector[i].Equals(scalar[i]))
            {
                return $"output ({i / outStride}, {i % outStride}) is {vector[i]} on {path} but {scalar[i]} on the scalar twin, for {c}";
            }
        }

        return null;
    }

    private delegate CorrelationPath Run<T>(ReadOnlyPlane<byte> input, Plane<T> output, CorrelationOptions options)
        where T : unmanaged;
}
