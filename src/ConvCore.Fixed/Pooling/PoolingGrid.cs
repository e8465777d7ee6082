namespace ConvCore.Fixed.Pooling;

/// <summary>
/// How a large plane splits into the cells of a smaller grid when the sizes need not divide:
/// cell g of n over an input of size N covers [floor(g N / n), floor((g + 1) N / n)).
/// Consecutive cells tile the input exactly, and none is empty while n &lt;= N.
/// </summary>
internal static class PoolingGrid
{
    /// <summary>First input index of cell <paramref name="cell"/> (long: g x N can exceed int).</summary>
    public static int CellStart(int cell, int inputSize, int gridSize) =>
        (int)((long)cell * inputSize / gridSize);

    /// <summary>Refuses an output grid larger than the input in either direction.</summary>
    public static void ValidateShrink(int inputWidth, int inputHeight, int outputWidth, int outputHeight, string outputName)
    {
        if (outputWidth > inputWidth || outputHeight > inputHeight)
        {
            throw new ArgumentException(
                $"The output grid is {outputWidth}x{outputHeight} but the input only {inputWidth}x{inputHeight}: pooling can only shrink (each output cell needs at least one input pixel).",
                outputName);
        }
    }
}
