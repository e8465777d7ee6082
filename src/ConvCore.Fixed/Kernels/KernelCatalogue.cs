namespace ConvCore.Fixed.Kernels;

/// <summary>
/// The built-in filters, under the canonical names of INTERFACE.md. Integer kernels use 0
/// fraction bits; the smoothing kernels use the fewest fraction bits that represent them
/// exactly (gaussian3: 4, gaussian5: 8), and box3 uses Q12 (1/9 is not exact in binary).
/// </summary>
public static class KernelCatalogue
{
    /// <summary>Fraction bits of box3: 1/9 becomes 455/4096 (error 0.00003).</summary>
    public const int Box3FractionBits = 12;

    private static readonly Lazy<IReadOnlyDictionary<string, Filter>> Entries = new(Build);

    /// <summary>Every canonical name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "identity", "edge-x", "edge-y", "sobel-x", "sobel-y", "prewitt-x", "prewitt-y",
        "scharr-x", "scharr-y", "laplacian4", "laplacian8", "sharpen", "emboss",
        "box3", "gaussian3", "gaussian5", "sobel",
    ];

    public static bool TryGet(string name, out Filter filter)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entries.Value.TryGetValue(name, out filter!);
    }

    /// <summary>The filter of that name, or an ArgumentException that suggests the nearest name.</summary>
    public static Filter Get(string name)
    {
        if (TryGet(name, out Filter f))
        {
            return f;
        }

        string nearest = Nearest(name);
        throw new ArgumentException($"Unknown kernel '{name}'; did you mean '{nearest}'? (The kernels are: {string.Join(", ", Names)}.)", nameof(name));
    }

    /// <summary>The single kernel of that name (not the 'sobel' magnitude pair).</summary>
    public static FixedKernel GetKernel(string name) =>
        Get(name) is KernelFilter k
            ? k.Kernel
            : throw new ArgumentException($"'{name}' is a gradient magnitude of two kernels, not a single kernel.", nameof(name));

    /// <summary>The catalogue name closest to <paramref name="name"/> by edit distance.</summary>
    public static string Nearest(string name)
    {
        string best = Names[0];
        int bestDistance = int.MaxValue;
        foreach (string candidate in Names)
        {
            // Names longer than any catalogue entry gain nothing from their tail.
            string probe = name.Length > 32 ? name[..32] : name;
            int d = EditDistance(probe.ToLowerInvariant(), candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static Dictionary<string, Filter> Build()
    {
        var d = new Dictionary<string, Filter>(StringComparer.Ordinal);
        void Add(FixedKernel k) => d.Add(k.Name, new KernelFilter(k));

        Add(FixedKernel.FromIntegers("identity", 1, 1, [1]));
        var edgeX = FixedKernel.FromIntegers("edge-x", 1, 2, [1, -1]);
        Add(edgeX);
        Add(edgeX.Transposed("edge-y"));
        var sobelX = FixedKernel.FromIntegers("sobel-x", 3, 3, [-1, 0, 1, -2, 0, 2, -1, 0, 1]);
        var sobelY = FixedKernel.FromIntegers("sobel-y", 3, 3, [-1, -2, -1, 0, 0, 0, 1, 2, 1]);
        Add(sobelX);
        Add(sobelY);
        var prewittX = FixedKernel.FromIntegers("prewitt-x", 3, 3, [-1, 0, 1, -1, 0, 1, -1, 0, 1]);
        Add(prewittX);
        Add(prewittX.Transposed("prewitt-y"));
        var scharrX = FixedKernel.FromIntegers("scharr-x", 3, 3, [-3, 0, 3, -10, 0, 10, -3, 0, 3]);
        Add(scharrX);
        Add(scharrX.Transposed("scharr-y"));
        Add(FixedKernel.FromIntegers("laplacian4", 3, 3, [0, 1, 0, 1, -4, 1, 0, 1, 0]));
        Add(FixedKernel.FromIntegers("laplacian8", 3, 3, [1, 1, 1, 1, -8, 1, 1, 1, 1]));
        Add(FixedKernel.FromIntegers("sharpen", 3, 3, [0, -1, 0, -1, 5, -1, 0, -1, 0]));
        Add(FixedKernel.FromIntegers("emboss", 3, 3, [-2, -1, 0, -1, 1, 1, 0, 1, 2]));
        double ninth = 1.0 / 9.0;
        Add(FixedKernel.FromReal("box3", 3, 3, [ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth], Box3FractionBits, 0, out _));
        Add(FixedKernel.FromIntegers("gaussian3", 3, 3, [1, 2, 1, 2, 4, 2, 1, 2, 1], fractionBits: 4));
        int[] binomial = [1, 4, 6, 4, 1];
        var g5 = new int[25];
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 5; c++)
            {
                g5[(r * 5) + c] = binomial[r] * binomial[c];
            }
        }

        Add(FixedKernel.FromIntegers("gaussian5", 5, 5, g5, fractionBits: 8));
        d.Add("sobel", new GradientMagnitudeFilter("sobel", sobelX, sobelY, MagnitudeNorm.L1));
        return d;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute each cost 1), two rows at a time.</summary>
    internal static int EditDistance(string a, string b)
    {
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            cur.CopyTo(prev);
        }

        return prev[b.Length];
    }
}
