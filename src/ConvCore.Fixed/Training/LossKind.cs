namespace ConvCore.Fixed.Training;

/// <summary>Which squared-error loss a trainer minimises.</summary>
public enum LossKind
{
    /// <summary>L = sum((Y_hat - Y)^2) over every output pixel of the batch: the seed experiment's loss.</summary>
    SummedSquaredError,

    /// <summary>L = mean((Y_hat - Y)^2): independent of frame size, for real frames scaled to [0, 1].</summary>
    MeanSquaredError,
}
