using ConvCore.Fixed.Tests.Seed;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>
/// The seed experiment's data: X is the 6x8 image (columns 2..5 zero, the rest one) and
/// Y = corr2d(X, [1, -1]), written out from the definition Y[r, c] = X[r, c] - X[r, c + 1].
/// </summary>
internal static class SeedData
{
    public const int Width = 8;
    public const int Height = 6;
    public const int OutWidth = 7;

    public static byte[] X { get; } = SeedExampleTests.SixByEight();

    public static short[] YInt16 { get; } = BuildY();

    public static double[] XDouble { get; } = Array.ConvertAll(X, v => (double)v);

    public static double[] YDouble { get; } = Array.ConvertAll(YInt16, v => (double)v);

    private static short[] BuildY()
    {
        var y = new short[Height * OutWidth];
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < OutWidth; c++)
            {
                y[(r * OutWidth) + c] = (short)(X[(r * Width) + c] - X[(r * Width) + c + 1]);
            }
        }

        return y;
    }
}
