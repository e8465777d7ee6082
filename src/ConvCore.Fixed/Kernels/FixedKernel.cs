using System.Collections.Immutable;

namespace ConvCore.Fixed.Kernels;

/// <summary>
/// An immutable fixed-point kernel: int16 weights in a Q format with
/// <see cref="FractionBits"/> fraction bits (real weight = weight / 2^FractionBits), plus an
/// int32 bias in accumulator units (already scaled by 2^FractionBits).
/// </summary>
/// <remarks>
/// Everything the correlation needs per call (non-zero taps, weight bounds) is worked out
/// here once, so the frame loop never allocates or re-derives it.
/// </remarks>
public sealed class FixedKernel
{
    /// <summary>
    /// The most taps the 8-bit path accepts: 255 x 32768 x 256 = 2,139,095,040 still fits an
    /// int32 accumulator, so no kernel of this size or smaller can overflow it.
    /// </summary>
    public const int MaxTaps8Bit = 256;

    /// <summary>The widest Q format: 15 fraction bits gives the range [-1, 1).</summary>
    public const int MaxFractionBits = 15;

    private readonly short[] _weights;
    private readonly KernelTap[] _taps;
    private FixedKernel? _flipped;

    private FixedKernel(string name, int rows, int cols, short[] weights, int fractionBits, int bias)
    {
        Name = name;
        Rows = rows;
        Cols = cols;
        _weights = weights;
        FractionBits = fractionBits;
        Bias = bias;

        var taps = new List<KernelTap>(weights.Length);
        long sumAbs = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                short w = weights[(r * cols) + c];
                if (w != 0)
                {
                    taps.Add(new KernelTap(r, c, w));
                    sumAbs += Math.Abs((int)w);
                }
            }
        }

        _taps = taps.ToArray();
        SumOfAbsoluteWeights = sumAbs;
    }

    public string Name { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int TapCount => Rows * Cols;

    public int FractionBits { get; }

    /// <summary>Added to the accumulator before requantisation, in accumulator units.</summary>
    public int Bias { get; }

    /// <summary>Row-major weights, <see cref="Rows"/> x <see cref="Cols"/>.</summary>
    public ReadOnlySpan<short> Weights => _weights;

    /// <summary>The non-zero weights with their positions, row-major: what the loops visit.</summary>
    public ReadOnlySpan<KernelTap> NonZeroTaps => _taps;

    /// <summary>sum(|w|): with 255 it bounds every partial sum an 8-bit input can produce.</summary>
    public long SumOfAbsoluteWeights { get; }

    /// <summary>
    /// The largest |accumulator| an 8-bit input can produce: 255 x sum(|w|). Every partial
    /// sum is bounded by it too, whatever order the taps are added in.
    /// </summary>
    public long AccumulatorBound8Bit => 255 * SumOfAbsoluteWeights;

    /// <summary>
    /// True when 16-bit accumulator lanes are proven safe for 8-bit input: the bound fits
    /// int16. True for the small integer edge kernels; false for Q-format kernels.
    /// </summary>
    public bool FitsInt16Accumulator => AccumulatorBound8Bit <= short.MaxValue;

    public short this[int row, int col] => _weights[(row * Cols) + col];

    /// <summary>The real value of weight (row, col): weight / 2^FractionBits.</summary>
    public double ValueAt(int row, int col) => this[row, col] / (double)(1 << FractionBits);

    /// <summary>Creates a kernel from int16 weights already in the Q format.</summary>
    public static FixedKernel Create(string name, int rows, int cols, ReadOnlySpan<short> weights, int fractionBits = 0, int bias = 0)
    {
        ValidateShape(rows, cols, weights.Length);
        ValidateFractionBits(fractionBits);
        return new FixedKernel(name, rows, cols, weights.ToArray(), fractionBits, bias);
    }

    /// <summary>Creates a kernel from int weights, refusing any outside int16.</summary>
    public static FixedKernel FromIntegers(string name, int rows, int cols, ReadOnlySpan<int> weights, int fractionBits = 0, int bias = 0)
    {
        ValidateShape(rows, cols, weights.Length);
        ValidateFractionBits(fractionBits);
        var q = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] < short.MinValue || weights[i] > short.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Weight {i} ({weights[i]}) is outside int16 [-32768, 32767].");
            }

            q[i] = (short)weights[i];
        }

        return new FixedKernel(name, rows, cols, q, fractionBits, bias);
    }

    /// <summary>
    /// Quantises real weights to the Q format with <paramref name="fractionBits"/> fraction
    /// bits: round half to even, saturate to int16, and report the largest error.
    /// </summary>
    public static FixedKernel FromReal(string name, int rows, int cols, ReadOnlySpan<double> values, int fractionBits, double bias, out QuantizationReport report)
    {
        ValidateShape(rows, cols, values.Length);
        ValidateFractionBits(fractionBits);
        double scale = 1 << fractionBits;
        var q = new short[values.Length];
        double maxError = 0;
        int saturated = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Weight {i} is {v}; kernel weights must be finite numbers.", nameof(values));
            }

            double scaled = Math.Round(v * scale, MidpointRounding.ToEven);
            if (scaled > short.MaxValue)
            {
                scaled = short.MaxValue;
                saturated++;
            }
            else if (scaled < short.MinValue)
            {
                scaled = short.MinValue;
                saturated++;
            }

            q[i] = (short)scaled;
            maxError = Math.Max(maxError, Math.Abs((scaled / scale) - v));
        }

        if (!double.IsFinite(bias))
        {
            throw new ArgumentException($"Bias is {bias}; it must be a finite number.", nameof(bias));
        }

        double biasScaled = Math.Round(bias * scale, MidpointRounding.ToEven);
        if (biasScaled > int.MaxValue || biasScaled < int.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(bias), bias, $"Bias {bias} does not fit int32 with {fractionBits} fraction bits.");
        }

        report = new QuantizationReport(maxError, saturated, Math.Abs((biasScaled / scale) - bias)) { Step = 1 / scale };
        return new FixedKernel(name, rows, cols, q, fractionBits, (int)biasScaled);
    }

    /// <summary>
    /// The kernel rotated by 180 degrees. Convolution is correlation with this kernel:
    /// conv(X, K) = corr(X, flip(K)).
    /// </summary>
    /// <remarks>Built once and cached, so convolving in a frame loop allocates nothing.</remarks>
    public FixedKernel Flipped() => _flipped ??= BuildFlipped();

    private FixedKernel BuildFlipped()
    {
        var w = new short[_weights.Length];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = _weights[_weights.Length - 1 - i];
        }

        return new FixedKernel(Name + "-flipped", Rows, Cols, w, FractionBits, Bias);
    }

    /// <summary>The kernel transposed (rows become columns): edge-x becomes edge-y.</summary>
    public FixedKernel Transposed(string? name = null)
    {
        var w = new short[_weights.Length];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                w[(c * Rows) + r] = _weights[(r * Cols) + c];
            }
        }

        return new FixedKernel(name ?? Name + "-transposed", Cols, Rows, w, FractionBits, Bias);
    }

    /// <summary>The same weights under another name (kernels loaded from files keep theirs).</summary>
    public FixedKernel WithName(string name) => new(name, Rows, Cols, _weights, FractionBits, Bias);

    /// <summary>The same weights with another bias (accumulator units).</summary>
    public FixedKernel WithBias(int bias) => new(Name, Rows, Cols, _weights, FractionBits, bias);

    /// <summary>The weights as real numbers, row-major (for people and for the float trainer).</summary>
    public ImmutableArray<double> RealValues()
    {
        var b = ImmutableArray.CreateBuilder<double>(_weights.Length);
        double scale = 1 << FractionBits;
        foreach (short w in _weights)
        {
            b.Add(w / scale);
        }

        return b.MoveToImmutable();
    }

    public override string ToString() => $"{Name} {Rows}x{Cols} Q{16 - FractionBits}.{FractionBits}";

    private static void ValidateShape(int rows, int cols, int count)
    {
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "Kernel rows must be at least 1.");
        }

        if (cols < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "Kernel cols must be at least 1.");
        }

        if ((long)rows * cols != count)
        {
            throw new ArgumentException($"A {rows}x{cols} kernel needs {(long)rows * cols} weights but {count} were given.", "weights");
        }
    }

    private static void ValidateFractionBits(int fractionBits)
    {
        if (fractionBits < 0 || fractionBits > MaxFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(fractionBits), fractionBits, $"fractionBits must be between 0 and {MaxFractionBits}.");
        }
    }
}
