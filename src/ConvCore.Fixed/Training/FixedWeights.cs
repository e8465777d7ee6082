using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Requantization;

namespace ConvCore.Fixed.Training;

/// <summary>
/// The fixed-point trainer's parameters: int64 master weights (and bias) that accumulate
/// the updates, their momentum velocities, and the int16 forward weights (and int32 bias)
/// rounded from them, which the forward pass uses and <see cref="FixedKernelTrainer.ToKernel"/>
/// exports. An update is all or nothing: if any weight would leave the forward Q range, or
/// the bias int32, nothing changes.
/// </summary>
internal sealed class FixedWeights
{
    /// <summary>Fraction bits of the momentum factor.</summary>
    private const int MomentumFractionBits = 30;

    private readonly int _cols;
    private readonly bool _useBias;
    private readonly UpdateRounding _rounding;
    private readonly long _momentum;
    private readonly int _forwardShift;
    private readonly int _biasShift;
    private readonly int _weightUpdateShift;
    private readonly int _biasUpdateShift;
    private readonly long[] _master;
    private readonly long[] _velocity;
    private readonly long[] _nextMaster;
    private readonly long[] _nextVelocity;
    private readonly short[] _forward;
    private readonly KernelTap[] _taps;
    private int _tapCount;
    private long _masterBias;
    private long _biasVelocity;
    private SplitMix64 _random;

    public FixedWeights(KernelTrainerOptions options, FixedTrainingFormat format)
    {
        _cols = options.Cols;
        _useBias = options.UseBias;
        _rounding = format.Rounding;
        _random = new SplitMix64(format.StochasticSeed);
        _momentum = (long)Math.Round(Math.ScaleB(options.Momentum, MomentumFractionBits), MidpointRounding.ToEven);

        // Master -> forward weight, master bias -> accumulator bias, and the update
        // 2 lr G: from (lr bits + error bits + input bits) down to master bits.
        int fe = format.ErrorFractionBits;
        _forwardShift = format.MasterFractionBits - format.WeightFractionBits;
        _biasShift = format.MasterFractionBits - format.WeightFractionBits - format.InputFractionBits;
        _weightUpdateShift = FixedTrainingFormat.LearningRateFractionBits + fe + format.InputFractionBits - format.MasterFractionBits;
        _biasUpdateShift = FixedTrainingFormat.LearningRateFractionBits + fe - format.MasterFractionBits;

        _master = ToMaster(options.StartingWeights(), format);
        _masterBias = ToMasterBias(options.InitialBias, format);
        _velocity = new long[_master.Length];
        _nextMaster = new long[_master.Length];
        _nextVelocity = new long[_master.Length];
        _forward = new short[_master.Length];
        _taps = new KernelTap[_master.Length];
        RefreshForward();
    }

    public ReadOnlySpan<long> Master => _master;

    public long MasterBias => _masterBias;

    public ReadOnlySpan<short> Forward => _forward;

    /// <summary>The forward bias in accumulator units (2^(weight + input fraction bits)).</summary>
    public int ForwardBias { get; private set; }

    /// <summary>The non-zero forward weights as taps: what the forward pass visits.</summary>
    public ReadOnlySpan<KernelTap> Taps => _taps.AsSpan(0, _tapCount);

    /// <summary>
    /// Applies one step, D = round(2 lr G / (pixels x 2^s)), V = beta V + D, M -= V, for
    /// every weight (and the bias); returns false and changes nothing if any result is out of range.
    /// </summary>
    public bool TryUpdate(ReadOnlySpan<Int128> gradient, Int128 biasGradient, long rateRaw, long pixels)
    {
        Int128 twiceRate = 2 * (Int128)rateRaw;
        Int128 weightDivisor = (Int128)pixels << _weightUpdateShift;
        for (int i = 0; i < _master.Length; i++)
        {
            Int128 v = Velocity(_velocity[i], RoundUpdate(twiceRate * gradient[i], weightDivisor));
            Int128 m = _master[i] - v;
            if (!FitsForward(m))
            {
                return false;
            }

            // |v| <= |M| + |M - v|, both in the forward range, so v fits a long too.
            _nextMaster[i] = (long)m;
            _nextVelocity[i] = (long)v;
        }

        long nextBias = _masterBias, nextBiasVelocity = 0;
        if (_useBias)
        {
            Int128 v = Velocity(_biasVelocity, RoundUpdate(twiceRate * biasGradient, (Int128)pixels << _biasUpdateShift));
            Int128 b = _masterBias - v;
            if (!FitsBias(b))
            {
                return false;
            }

            nextBias = (long)b;
            nextBiasVelocity = (long)v;
        }

        _nextMaster.CopyTo(_master, 0);
        _nextVelocity.CopyTo(_velocity, 0);
        _masterBias = nextBias;
        _biasVelocity = nextBiasVelocity;
        RefreshForward();
        return true;
    }

    /// <summary>beta V + D, with beta V rounded half to even (exactly D when there is no momentum).</summary>
    private Int128 Velocity(long previous, Int128 step) =>
        _momentum == 0 ? step : Rounding.ShiftRightHalfEven((Int128)_momentum * previous, MomentumFractionBits) + step;

    private Int128 RoundUpdate(Int128 numerator, Int128 divisor) =>
        _rounding == UpdateRounding.Stochastic
            ? WideRounding.DivideStochastic(numerator, divisor, ref _random)
            : WideRounding.DivideHalfEven(numerator, divisor);

    private bool FitsForward(Int128 master)
    {
        Int128 w = Rounding.ShiftRightHalfEven(master, _forwardShift);
        return w >= short.MinValue && w <= short.MaxValue;
    }

    private bool FitsBias(Int128 master)
    {
        Int128 b = Rounding.ShiftRightHalfEven(master, _biasShift);
        return b >= int.MinValue && b <= int.MaxValue;
    }

    /// <summary>Rounds the masters to the forward format and rebuilds the non-zero taps.</summary>
    private void RefreshForward()
    {
        int count = 0;
        for (int i = 0; i < _master.Length; i++)
        {
            short w = (short)Rounding.ShiftRightHalfEven(_master[i], _forwardShift);
            _forward[i] = w;
            if (w != 0)
            {
                _taps[count++] = new KernelTap(i / _cols, i % _cols, w);
            }
        }

        _tapCount = count;
        ForwardBias = (int)Rounding.ShiftRightHalfEven(_masterBias, _biasShift);
    }

    private static long[] ToMaster(double[] weights, FixedTrainingFormat format)
    {
        var master = new long[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            // Within +-(2^15 - 1) / 2^F, so the rounded forward weight cannot reach -2^15 or wrap.
            if (Math.Abs(weights[i]) > format.MaxWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(KernelTrainerOptions.InitialWeights), weights[i],
                    $"InitialWeights[{i}] = {weights[i]} is outside the Q{16 - format.WeightFractionBits}.{format.WeightFractionBits} range of the forward weights (|w| <= {format.MaxWeight}).");
            }

            master[i] = (long)Math.Round(Math.ScaleB(weights[i], format.MasterFractionBits), MidpointRounding.ToEven);
        }

        return master;
    }

    private static long ToMasterBias(double bias, FixedTrainingFormat format)
    {
        double limit = Math.ScaleB(int.MaxValue, -(format.WeightFractionBits + format.InputFractionBits));
        if (Math.Abs(bias) > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(KernelTrainerOptions.InitialBias), bias, $"InitialBias {bias} does not fit the int32 accumulator bias (|b| <= {limit}).");
        }

        return (long)Math.Round(Math.ScaleB(bias, format.MasterFractionBits), MidpointRounding.ToEven);
    }
}
