using ConvCore.Fixed.Kernels;

namespace ConvCore.Fixed.Tests.Kernels;

/// <summary>The catalogue against INTERFACE.md's table, copied here by hand from the document.</summary>
public class KernelCatalogueTests
{
    /// <summary>name, rows, cols, weights (row-major), fraction bits: INTERFACE.md "Kernel catalogue".</summary>
    public static TheoryData<string, int, int, int[], int> Table => new()
    {
        { "identity", 1, 1, [1], 0 },
        { "edge-x", 1, 2, [1, -1], 0 },
        { "edge-y", 2, 1, [1, -1], 0 },
        { "sobel-x", 3, 3, [-1, 0, 1, -2, 0, 2, -1, 0, 1], 0 },
        { "sobel-y", 3, 3, [-1, -2, -1, 0, 0, 0, 1, 2, 1], 0 },
        { "prewitt-x", 3, 3, [-1, 0, 1, -1, 0, 1, -1, 0, 1], 0 },
        { "prewitt-y", 3, 3, [-1, -1, -1, 0, 0, 0, 1, 1, 1], 0 },
        { "scharr-x", 3, 3, [-3, 0, 3, -10, 0, 10, -3, 0, 3], 0 },
        { "scharr-y", 3, 3, [-3, -10, -3, 0, 0, 0, 3, 10, 3], 0 },
        { "laplacian4", 3, 3, [0, 1, 0, 1, -4, 1, 0, 1, 0], 0 },
        { "laplacian8", 3, 3, [1, 1, 1, 1, -8, 1, 1, 1, 1], 0 },
        { "sharpen", 3, 3, [0, -1, 0, -1, 5, -1, 0, -1, 0], 0 },
        { "emboss", 3, 3, [-2, -1, 0, -1, 1, 1, 0, 1, 2], 0 },
        { "box3", 3, 3, [455, 455, 455, 455, 455, 455, 455, 455, 455], 12 }, // 1/9 in Q12: round(4096/9) = 455
        { "gaussian3", 3, 3, [1, 2, 1, 2, 4, 2, 1, 2, 1], 4 },
        {
            "gaussian5", 5, 5,
            [
                1, 4, 6, 4, 1,
                4, 16, 24, 16, 4,
                6, 24, 36, 24, 6,
                4, 16, 24, 16, 4,
                1, 4, 6, 4, 1,
            ],
            8
        },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void KernelHasTheDocumentedWeights(string name, int rows, int cols, int[] weights, int fractionBits)
    {
        FixedKernel k = KernelCatalogue.GetKernel(name);

        Assert.Equal(name, k.Name);
        Assert.Equal((rows, cols), (k.Rows, k.Cols));
        Assert.Equal(weights, k.Weights.ToArray().Select(w => (int)w));
        Assert.Equal(fractionBits, k.FractionBits);
        Assert.Equal(0, k.Bias);
    }

    [Fact]
    public void NamesAreExactlyTheDocumentedOnes()
    {
        var documented = Table.Select(row => (string)row[0]).Append("sobel").ToArray();

        Assert.Equal(documented, KernelCatalogue.Names);
        Assert.All(KernelCatalogue.Names, n => Assert.True(KernelCatalogue.TryGet(n, out _), n));
    }

    [Fact]
    public void SobelIsTheL1MagnitudeOfSobelXAndSobelY()
    {
        var sobel = Assert.IsType<GradientMagnitudeFilter>(KernelCatalogue.Get("sobel"));

        Assert.Equal("sobel", sobel.Name);
        Assert.Equal(MagnitudeNorm.L1, sobel.Norm);
        Assert.Equal(new short[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, sobel.X.Weights.ToArray());
        Assert.Equal(new short[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 }, sobel.Y.Weights.ToArray());
        Assert.False(sobel.IsSigned);
        Assert.Equal((3, 3), (sobel.Rows, sobel.Cols));
        Assert.Throws<ArgumentException>(() => KernelCatalogue.GetKernel("sobel"));
    }

    [Fact]
    public void SmoothingKernelsSumToOne()
    {
        // gaussian3 and gaussian5 are exact: their weights sum to exactly 2^fractionBits.
        Assert.Equal(16, Sum("gaussian3"));
        Assert.Equal(256, Sum("gaussian5"));
        Assert.Equal(9 * 455, Sum("box3")); // 4095: one step short of 4096, the cost of 1/9 in binary

        static int Sum(string name) => KernelCatalogue.GetKernel(name).Weights.ToArray().Sum(w => w);
    }

    [Theory]
    [InlineData("sobelx", "sobel-x")]
    [InlineData("Sobel-X", "sobel-x")]
    [InlineData("gausian5", "gaussian5")]
    [InlineData("laplace8", "laplacian8")]
    [InlineData("edgex", "edge-x")]
    [InlineData("boxx3", "box3")]
    [InlineData("sharp", "sharpen")]
    public void MisspeltNamesSuggestTheNearest(string typed, string expected)
    {
        Assert.Equal(expected, KernelCatalogue.Nearest(typed));

        var e = Assert.Throws<ArgumentException>(() => KernelCatalogue.Get(typed));
        Assert.Equal("name", e.ParamName);
        Assert.Contains($"Unknown kernel '{typed}'", e.Message);
        Assert.Contains($"did you mean '{expected}'", e.Message);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("sobelx", "sobel-x", 1)]
    [InlineData("sobel-x", "sobel-y", 1)]
    [InlineData("intention", "execution", 5)]
    [InlineData("gaussian3", "gaussian5", 1)]
    [InlineData("ab", "ba", 2)]
    public void EditDistanceIsLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, KernelCatalogue.EditDistance(a, b));
        Assert.Equal(expected, KernelCatalogue.EditDistance(b, a));
    }

    [Fact]
    public void EditDistanceMatchesTheFullTableOnRandomStrings()
    {
        var rng = new Random(17);
        for (int i = 0; i < 2000; i++)
        {
            string a = RandomWord(rng), b = RandomWord(rng);
            Assert.Equal(FullTable(a, b), KernelCatalogue.EditDistance(a, b));
        }

        static string RandomWord(Random rng) => new(Enumerable.Range(0, rng.Next(0, 9)).Select(_ => "abc-"[rng.Next(4)]).ToArray());

        // The whole (|a|+1) x (|b|+1) dynamic-programming table, kept in memory: no row reuse to get wrong.
        static int FullTable(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitute = d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    d[i, j] = Math.Min(substitute, Math.Min(d[i - 1, j], d[i, j - 1]) + 1);
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
