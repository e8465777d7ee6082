using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Benchmarks.Harness;

/// <summary>
/// The five kernels the core issue asks to measure: three integer edge kernels, the Q8
/// Gaussian 5x5 and a "learned" fractional 3x3 in Q12.
/// </summary>
public static class BenchKernels
{
    /// <summary>The name of the learned kernel (not in the catalogue: it stands for a trained one).</summary>
    public const string LearnedQ12 = "learned-q12";

    /// <summary>Fraction bits of the learned kernel (Q3.12).</summary>
    public const int LearnedFractionBits = 12;

    /// <summary>Seed of the learned kernel's noise, so every run measures the same weights.</summary>
    public const int LearnedSeed = 17;

    public static IReadOnlyList<string> Names { get; } = ["sobel-x", "laplacian4", "edge-x", "gaussian5", LearnedQ12];

    public static FixedKernel Get(string name) => name == LearnedQ12 ? BuildLearned() : KernelCatalogue.GetKernel(name);

    /// <summary>The real-valued weights, rows x cols (exact: a Q value divided by a power of two).</summary>
    public static float[,] RealWeights(FixedKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var real = new float[kernel.Rows, kernel.Cols];
        float scale = 1 << kernel.FractionBits;
        ReadOnlySpan<short> weights = kernel.Weights;
        for (int r = 0; r < kernel.Rows; r++)
        {
            for (int c = 0; c < kernel.Cols; c++)
            {
                real[r, c] = weights[(r * kernel.Cols) + c] / scale;
            }
        }

        return real;
    }

    /// <summary>
    /// What a trainer might return when it learns Sobel-x back: the Sobel weights plus
    /// uniform noise in [-0.1, 0.1), so every tap is non-zero and fractional.
    /// </summary>
    private static FixedKernel BuildLearned()
    {
        double[] sobelX = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
        var random = new Random(LearnedSeed);
        var values = new double[sobelX.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = sobelX[i] + ((random.NextDouble() - 0.5) * 0.2);
        }

        return FixedKernel.FromReal(LearnedQ12, 3, 3, values, LearnedFractionBits, 0, out _);
    }
}
