using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Tests.Twins;

/// <summary>
/// Seeded random cases that reach every vector path and every requantisation branch:
/// kernels that fit 16-bit lanes, Q-format and extreme-weight kernels that need 32-bit
/// lanes; identity, power-of-two and general requantisers; small and huge biases; uniform,
/// 0/255-only and saturated pixels. The same seed always gives the same cases.
/// </summary>
public sealed class TwinCaseGenerator(int seed)
{
    private static readonly int[] Biases = [0, 1, -1, 7, -100, 1 << 20, -(1 << 24), 1 << 30, -(1 << 30), int.MaxValue, int.MinValue, int.MaxValue - 5, int.MinValue + 5];

    private readonly Random _random = new(seed);

    public TwinCase Next(int kernelRows, int kernelCols, int width, int height, BorderMode mode)
    {
        FixedKernel kernel = NextKernel(kernelRows, kernelCols);
        int stride = width + (2 * _random.Next(0, 4)) + (_random.Next(2) == 0 ? 0 : 1);
        (byte[] pixels, string kind) = NextPixels(width, height, stride);
        return new TwinCase(width, height, stride, pixels, kernel, mode, NextRequantizer(kernel), kind);
    }

    /// <summary>A random shape, size and mode, adjusted so valid mode fits the kernel.</summary>
    public TwinCase NextAnyShape(int maxWidth, int maxHeight)
    {
        int rows = _random.Next(1, 8);
        int cols = _random.Next(1, 8);
        var mode = (BorderMode)_random.Next(3);
        int width = _random.Next(1, maxWidth + 1);
        int height = _random.Next(1, maxHeight + 1);
        if (mode == BorderMode.Valid)
        {
            width = Math.Max(width, cols);
            height = Math.Max(height, rows);
        }

        return Next(rows, cols, width, height, mode);
    }

    public FixedKernel NextKernel(int rows, int cols)
    {
        int taps = rows * cols;
        var w = new int[taps];
        int kind = _random.Next(4);
        int fractionBits = 0;
        switch (kind)
        {
            case 0:
                // Small integers within the 16-bit-lane bound: sum |w| <= 128.
                int m = Math.Max(1, 128 / taps);
                for (int i = 0; i < taps; i++)
                {
                    w[i] = _random.Next(3) == 0 ? 0 : _random.Next(-m, m + 1);
                }

                break;
            case 1:
                // A Q-format kernel: any int16 weight, fraction bits 1..15.
                fractionBits = _random.Next(1, FixedKernel.MaxFractionBits + 1);
                for (int i = 0; i < taps; i++)
                {
                    w[i] = _random.Next(4) == 0 ? 0 : _random.Next(short.MinValue, short.MaxValue + 1);
                }

                break;
            case 2:
                // The extremes of int16.
                for (int i = 0; i < taps; i++)
                {
                    w[i] = _random.Next(3) switch { 0 => short.MinValue, 1 => short.MaxValue, _ => -short.MaxValue };
                }

                break;
            default:
                // Moderate integers: some just over the 16-bit-lane bound.
                for (int i = 0; i < taps; i++)
                {
                    w[i] = _random.Next(-300, 301);
                }

                break;
        }

        int bias = _random.Next(3) == 0 ? 0 : Biases[_random.Next(Biases.Length)];
        return FixedKernel.FromIntegers($"twin{kind}", rows, cols, w, fractionBits, bias);
    }

    public Requantizer NextRequantizer(FixedKernel kernel) => _random.Next(6) switch
    {
        0 => Requantizer.Identity,
        1 => Requantizer.ForKernel(kernel.FractionBits),
        2 => new Requantizer(1, _random.Next(0, 32)),
        3 => new Requantizer(1, _random.Next(32, Requantizer.MaxShift + 1)),
        4 => new Requantizer(_random.Next(2, 1000), _random.Next(0, 20)),
        _ => new Requantizer(_random.Next(2, Requantizer.MaxMultiplier + 1), _random.Next(20, Requantizer.MaxShift + 1)),
    };

    private (byte[] Pixels, string Kind) NextPixels(int width, int height, int stride)
    {
        var pixels = new byte[((height - 1) * stride) + width];
        switch (_random.Next(4))
        {
            case 0:
                Array.Fill(pixels, (byte)255);
                return (pixels, "all-255");
            case 1:
                for (int i = 0; i < pixels.Length; i++)
                {
                    pixels[i] = _random.Next(2) == 0 ? (byte)0 : (byte)255;
                }

                return (pixels, "0/255");
            default:
                _random.NextBytes(pixels);
                return (pixels, "uniform");
        }
    }
}
