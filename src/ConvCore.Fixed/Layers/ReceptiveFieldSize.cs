namespace ConvCore.Fixed.Layers;

/// <summary>
/// What one output pixel of a layer stack sees: a <see cref="Rows"/> x <see cref="Cols"/>
/// window of the input, and how far that window moves in the input (<see cref="JumpY"/>,
/// <see cref="JumpX"/> input pixels) when the output index grows by one.
/// </summary>
public readonly record struct ReceptiveFieldSize(int Rows, int Cols, int JumpY, int JumpX);
