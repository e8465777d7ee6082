using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Planes;
using Xunit.Sdk;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// Runs one case through the dispatcher capped at Scalar, Vector128 and Vector256 for each
/// 8-bit output type (raw int32, int16, uint8) and fails on the first differing element.
/// Records which path each run reported, so a test can prove the vector paths really ran.
/// </summary>
public sealed class TwinRunner
{
    private static readonly CorrelationPath[] Caps = [CorrelationPath.Scalar, CorrelationPath.Vector128, CorrelationPath.Vector256];

    /// <summary>How many runs reported each (path, lane family, output type), e.g. "Vector256 int16-lanes int16".</summary>
    public Dictionary<string, int> Coverage { get; } = [];

    public void AssertTwinsAgree(TwinCase c)
    {
        Compare<int>(c, "int32", (input, output, options) => Correlator.Correlate(input, c.Kernel, output, options));
        Compare<short>(c, "int16", (input, output, options) => Correlator.Correlate(input, c.Kernel, output, c.Requantizer, options));
        Compare<byte>(c, "uint8", (input, output, options) => Correlator.Correlate(input, c.Kernel, output, c.Requantizer, options));
    }

    public int CountOf(CorrelationPath path, string laneFamily) =>
        Coverage.Where(kv => kv.Key.StartsWith($"{path} {laneFamily} ", StringComparison.Ordinal)).Sum(kv => kv.Value);

    private void Compare<T>(TwinCase c, string outputName, Run<T> run)
        where T : unmanaged, IEquatable<T>
    {
        var input = new ReadOnlyPlane<byte>(c.Pixels, c.Width, c.Height, c.Stride);
        CorrelationGeometry g = CorrelationGeometry.Create(c.Width, c.Height, c.Kernel.Rows, c.Kernel.Cols, new CorrelationOptions(c.Mode));

        // Odd output padding filled with a marker: the paths must also agree on not touching it.
        int outStride = g.OutputWidth + 3;
        int length = ((g.OutputHeight - 1) * outStride) + g.OutputWidth + 2;
        T[]? reference = null;
        foreach (CorrelationPath cap in Caps)
        {
            var buffer = new T[length];
            Array.Fill(buffer, Marker<T>());
            var output = new Plane<T>(buffer, g.OutputWidth, g.OutputHeight, outStride);
            CorrelationPath used = run(input, output, new CorrelationOptions(c.Mode) { MaxPath = cap });
            if (used > cap)
            {
                throw new XunitException($"Capped at {cap} the dispatcher reported {used}, for {outputName} output of {c}.");
            }

            string key = $"{used} {(c.Kernel.FitsInt16Accumulator ? "int16-lanes" : "int32-lanes")} {outputName}";
            Coverage[key] = Coverage.GetValueOrDefault(key) + 1;
            if (reference is null)
            {
                reference = buffer;
                continue;
            }

            int at = FirstDifference(buffer, reference);
            if (at < 0)
            {
                continue;
            }

            int y = at / outStride, x = at % outStride;
            throw new XunitException(
                $"{used} (cap {cap}) differs from the scalar twin at output ({y}, {x}): {buffer[at]} instead of {reference[at]}, for {outputName} output of {c}.");
        }
    }

    private static int FirstDifference<T>(T[] a, T[] b)
        where T : IEquatable<T>
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static T Marker<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? (T)(object)(byte)0xA5 : typeof(T) == typeof(short) ? (T)(object)(short)-12345 : (T)(object)0x5A5A5A5A;

    private delegate CorrelationPath Run<T>(ReadOnlyPlane<byte> input, Plane<T> output, CorrelationOptions options)
        where T : unmanaged;
}
