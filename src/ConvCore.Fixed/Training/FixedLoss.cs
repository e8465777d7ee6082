namespace ConvCore.Fixed.Training;

/// <summary>
/// A loss as the fixed-point trainer computes it: an exact integer with
/// <see cref="FractionBits"/> fraction bits (the sum, or the rounded mean, of squared
/// integer errors). <see cref="ToDouble"/> is for reporting only.
/// </summary>
public readonly record struct FixedLoss(Int128 Raw, int FractionBits)
{
    /// <summary>Raw / 2^FractionBits, for display and logs.</summary>
    public double ToDouble() => Math.ScaleB((double)Raw, -FractionBits);

    public override string ToString() => ToDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
