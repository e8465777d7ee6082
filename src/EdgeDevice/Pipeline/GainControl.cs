namespace EdgeDevice.Pipeline;

/// <summary>
/// Turns |v| into an LED intensity 0..255: a fixed multiplier, or an automatic one that maps
/// a slowly decaying running peak to full scale. The multiplier is held in Q16 fixed point,
/// so the per-LED work is one integer multiply and shift.
/// </summary>
internal sealed class GainControl
{
    private readonly GainMode _mode;
    private readonly double _decay;
    private readonly int _minPeak;
    private double _runningPeak;
    private long _gainQ16;

    public GainControl(GainMode mode, double fixedGain, double decay, int minPeak)
    {
        _mode = mode;
        _decay = decay;
        _minPeak = Math.Max(1, minPeak);
        Gain = mode == GainMode.Fixed ? fixedGain : 255.0 / _minPeak;
        _gainQ16 = ToQ16(Gain);
    }

    /// <summary>The multiplier used for the last frame (|v| x Gain = intensity before clipping).</summary>
    public double Gain { get; private set; }

    /// <summary>The running peak auto gain scales to (0 in fixed mode).</summary>
    public double RunningPeak => _runningPeak;

    /// <summary>Updates the automatic multiplier from this frame's peak |v|; fixed gain ignores it.</summary>
    public void Update(int framePeak)
    {
        if (_mode == GainMode.Fixed)
        {
            return;
        }

        _runningPeak = Math.Max(framePeak, _runningPeak * _decay);
        Gain = 255.0 / Math.Max(_runningPeak, _minPeak);
        _gainQ16 = ToQ16(Gain);
    }

    /// <summary>Forgets the running peak (a new kernel has a different scale).</summary>
    public void Reset()
    {
        _runningPeak = 0;
        if (_mode == GainMode.Auto)
        {
            Gain = 255.0 / _minPeak;
            _gainQ16 = ToQ16(Gain);
        }
    }

    /// <summary>min(255, round(magnitude x gain)), with magnitude = |v| (0..32768).</summary>
    public int Intensity(int magnitude)
    {
        long scaled = ((magnitude * _gainQ16) + 0x8000) >> 16;
        return scaled > 255 ? 255 : (int)scaled;
    }

    private static long ToQ16(double gain) => (long)Math.Round(gain * 65536.0, MidpointRounding.ToEven);
}
