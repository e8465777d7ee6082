using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Diagnostics;

/// <summary>
/// Seeded cases aimed at one vector path: a kernel of the right lane family and shape, and
/// an input whose interior is at least one block wide (so the path really runs), with the
/// first cases at the edge sizes (exactly one block, one block plus one pixel).
/// </summary>
internal sealed class SelfTestCaseGenerator(int seed)
{
    private static readonly int[] Biases = [0, 0, 1, -3, 1000, -(1 << 20), 1 << 30, int.MaxValue, int.MinValue];

    private readonly Random _random = new(seed);

    /// <param name="rows">Kernel rows, or 0 for a random k x k shape.</param>
    public SelfTestCase Next(bool int16Lanes, int rows, int cols, int blockWidth, int caseIndex)
    {
        if (rows == 0)
        {
            rows = _random.Next(2, 8);
            cols = _random.Next(2, 8);
        }

        FixedKernel kernel = int16Lanes ? SmallIntegerKernel(rows, cols) : WideKernel(rows, cols);

        // The interior is (width - cols + 1) wide in every mode: keep it one block or more.
        int extra = caseIndex switch { 0 => 0, 1 => 1, 2 => blockWidth - 1, _ => _random.Next(0, 2 * blockWidth) };
        int width = blockWidth + cols - 1 + extra;
        int height = rows + _random.Next(0, 6);
        int stride = width + 1 + (2 * _random.Next(0, 3));
        var pixels = new byte[((height - 1) * stride) + width];
        if (_random.Next(3) == 0)
        {
            // Only the extremes: the largest |accumulators| the kernel can produce.
            for (int i = 0; i < pixels.Length; i++)
            {
                pixels[i] = _random.Next(2) == 0 ? (byte)0 : (byte)255;
            }
        }
        else
        {
            _random.NextBytes(pixels);
        }

        var mode = (BorderMode)_random.Next(3);
        return new SelfTestCase(width, height, stride, pixels, kernel, mode, NextRequantizer(kernel));
    }

    /// <summary>Integer weights with sum |w| &lt;= 128, so 255 x sum |w| fits int16.</summary>
    private FixedKernel SmallIntegerKernel(int rows, int cols)
    {
        int taps = rows * cols;
        int m = Math.Max(1, 128 / taps);
        var w = new int[taps];
        for (int i = 0; i < taps; i++)
        {
            w[i] = _random.Next(4) == 0 ? 0 : _random.Next(-m, m + 1);
        }

        return FixedKernel.FromIntegers("selftest-int16", rows, cols, w, 0, NextBias());
    }

    /// <summary>A Q-format kernel with at least one weight too large for 16-bit lanes.</summary>
    private FixedKernel WideKernel(int rows, int cols)
    {
        var w = new int[rows * cols];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = _random.Next(5) == 0 ? 0 : _random.Next(short.MinValue, short.MaxValue + 1);
        }

        w[_random.Next(w.Length)] = _random.Next(2) == 0 ? short.MinValue : short.MaxValue;
        return FixedKernel.FromIntegers("selftest-int32", rows, cols, w, _random.Next(0, FixedKernel.MaxFractionBits + 1), NextBias());
    }

    private int NextBias() => Biases[_random.Next(Biases.Length)];

    // Identity, the kernel's own scale, a plain shift (vector rounding) and a general
    // multiplier (per-lane rounding) all occur.
    private Requantizer NextRequantizer(FixedKernel kernel) => _random.Next(4) switch
    {
        0 => Requantizer.Identity,
        1 => Requantizer.ForKernel(kernel.FractionBits),
        2 => new Requantizer(1, _random.Next(0, 32)),
        _ => new Requantizer(_random.Next(2, 5000), _random.Next(0, 40)),
    };
}
