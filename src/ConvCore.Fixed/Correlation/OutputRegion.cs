namespace ConvCore.Fixed.Correlation;

/// <summary>A half-open rectangle of output pixels: rows [Top, Bottom), columns [Left, Right).</summary>
public readonly record struct OutputRegion(int Top, int Bottom, int Left, int Right)
{
    public bool IsEmpty => Top >= Bottom || Left >= Right;

    public int Width => Right - Left;

    public int Height => Bottom - Top;
}
