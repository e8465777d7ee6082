namespace ConvCore.Fixed.Training;

/// <summary>How the fixed-point trainer rounds each weight update onto the master-weight grid.</summary>
public enum UpdateRounding
{
    /// <summary>Round half to even: the core's one rounding rule; deterministic.</summary>
    HalfEven,

    /// <summary>
    /// Round up with probability equal to the discarded fraction, drawn from a generator seeded
    /// by <see cref="FixedTrainingFormat.StochasticSeed"/>: unbiased on average, and the same
    /// seed gives the same trace.
    /// </summary>
    Stochastic,
}
