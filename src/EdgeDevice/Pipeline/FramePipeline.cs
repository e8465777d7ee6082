using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Gradient;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;
using ConvCore.Fixed.Pooling;
using ConvCore.Fixed.Requantization;
using EdgeDevice.Display;
using EdgeDevice.Frames;

namespace EdgeDevice.Pipeline;

/// <summary>
/// One luminance frame in, one LED frame out: downscale to the working size, correlate with
/// the active filter into an int16 feature map, reduce the map to the display's size, apply
/// gain, then gamma, brightness and the colour map.
/// </summary>
/// <remarks>
/// <para>Every buffer is allocated when the frame size or the filter's shape changes and
/// reused after that: <see cref="Process(LumaFrame)"/> allocates nothing in steady state.</para>
/// <para>Working size: frames are area-downscaled to the configured size per axis (aspect is
/// not kept) but never upscaled; a smaller frame is used at its own size on that axis. The
/// native work size (0x0) correlates every frame at its own size.</para>
/// <para>Reduction: when the feature map is at least as large as the display on both axes,
/// each LED pools its cell (MaxAbs or Average). When it is smaller on either axis (tiny
/// inputs), pooling would leave cells empty, so each LED takes the feature value nearest
/// its centre instead: feature (floor((y + 1/2) x fh / H), floor((x + 1/2) x fw / W)).</para>
/// </remarks>
public sealed class FramePipeline
{
    private readonly PoolingMode _pooling;
    private readonly CorrelationOptions _correlation;
    private readonly GainControl _gain;
    private readonly LedColorTable _signedColors;
    private readonly LedColorTable _magnitudeColors;
    private readonly LedFrame _leds;
    private readonly short[] _pooled;
    private readonly int _workWidthSetting;
    private readonly int _workHeightSetting;
    private byte[] _luma = [];
    private short[] _feature = [];
    private short[] _gx = [];
    private short[] _gy = [];
    private Filter _filter;
    private bool _filterSigned;
    private MapMode _map;
    private bool _shapeDirty = true;
    private bool _hasFrame;
    private int _frameWidth;
    private int _frameHeight;
    private int _workWidth;
    private int _workHeight;
    private int _featureWidth;
    private int _featureHeight;

    public FramePipeline(PipelineOptions options, DisplayCapabilities display, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(display);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        if (display.Width < 1 || display.Height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(display), $"The display must be at least 1x1, not {display.Width}x{display.Height}.");
        }

        Display = display;
        Mode = options.BorderMode;
        _correlation = new CorrelationOptions(Mode);
        _pooling = options.Pooling;
        _map = options.Map;
        _workWidthSetting = options.WorkWidth;
        _workHeightSetting = options.WorkHeight;
        _gain = new GainControl(options.GainMode, options.Gain, options.AutoGainDecay, options.AutoGainMinPeak);
        double brightness = Math.Min(options.Brightness, Math.Clamp(display.BrightnessCap, 0, 1));
        _signedColors = new LedColorTable(MapMode.Signed, display.Depth, options.Gamma, brightness);
        _magnitudeColors = new LedColorTable(MapMode.Magnitude, display.Depth, options.Gamma, brightness);
        _leds = new LedFrame(display.Width, display.Height);
        _pooled = new short[display.Width * display.Height];
        _filter = CheckFilter(filter);
        _filterSigned = filter.IsSigned;
    }

    /// <summary>The display this pipeline renders for (its size is the LED frame's).</summary>
    public DisplayCapabilities Display { get; }

    public BorderMode Mode { get; }

    /// <summary>
    /// The active filter. Switching keeps the buffers unless the new one needs larger ones
    /// (a bigger kernel in valid mode changes nothing that grows; a magnitude filter needs
    /// two more maps the first time). Auto gain restarts from the new filter's first frame.
    /// </summary>
    public Filter Filter
    {
        get => _filter;
        set
        {
            Filter f = CheckFilter(value);
            bool sameShape = f.Rows == _filter.Rows && f.Cols == _filter.Cols && f.GetType() == _filter.GetType();
            _filter = f;
            _filterSigned = f.IsSigned;
            _gain.Reset();
            if (!sameShape)
            {
                _shapeDirty = true;
                _hasFrame = false;
            }
        }
    }

    /// <summary>The configured colour map (Auto follows the filter); see <see cref="EffectiveMap"/>.</summary>
    public MapMode Map
    {
        get => _map;
        set => _map = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Map must be Auto, Signed or Magnitude.");
    }

    /// <summary>The map actually used: Signed or Magnitude.</summary>
    public MapMode EffectiveMap => _map != MapMode.Auto ? _map : _filterSigned ? MapMode.Signed : MapMode.Magnitude;

    /// <summary>The correlation path of the last frame (for a magnitude filter, the x kernel's).</summary>
    public CorrelationPath LastPath { get; private set; }

    /// <summary>max |v| over the last feature map.</summary>
    public int FeatureMapPeak { get; private set; }

    /// <summary>The gain multiplier used for the last frame: intensity = |v| x Gain, clipped at 255.</summary>
    public double Gain => _gain.Gain;

    /// <summary>True when the last frame's feature map was smaller than the display and LEDs sampled the nearest value.</summary>
    public bool SampledNearest { get; private set; }

    /// <summary>Frames processed since construction.</summary>
    public long FramesProcessed { get; private set; }

    /// <summary>The exact uint8 plane handed to the core for the last frame (--save-luma).</summary>
    public ReadOnlyPlane<byte> WorkingLuma =>
        _hasFrame ? new ReadOnlyPlane<byte>(_luma, _workWidth, _workHeight) : throw NoFrameYet();

    /// <summary>
    /// The last frame's correlation output before pooling (--save-feature-map); for a
    /// gradient magnitude filter, the magnitude map.
    /// </summary>
    public ReadOnlyPlane<short> FeatureMap =>
        _hasFrame ? new ReadOnlyPlane<short>(_feature, _featureWidth, _featureHeight) : throw NoFrameYet();

    /// <summary>The last frame reduced to the display's size, before gain.</summary>
    public ReadOnlyPlane<short> PooledMap =>
        _hasFrame ? new ReadOnlyPlane<short>(_pooled, Display.Width, Display.Height) : throw NoFrameYet();

    /// <summary>The LED frame of the last <see cref="Process(LumaFrame)"/> (the same instance every time).</summary>
    public LedFrame Output => _leds;

    /// <summary>Processes one frame; returns the pipeline's own LED frame, overwritten by the next call.</summary>
    public LedFrame Process(LumaFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Process(frame.AsPlane(), frame.Origin);
    }

    /// <summary>Processes one luminance plane; <paramref name="origin"/> names it in error messages.</summary>
    public LedFrame Process(ReadOnlyPlane<byte> luma, string origin = "")
    {
        if (_shapeDirty || luma.Width != _frameWidth || luma.Height != _frameHeight)
        {
            Reshape(luma.Width, luma.Height, origin);
        }

        var work = new Plane<byte>(_luma, _workWidth, _workHeight);
        if (_workWidth == luma.Width && _workHeight == luma.Height)
        {
            for (int y = 0; y < _workHeight; y++)
            {
                luma.Row(y).CopyTo(work.Row(y));
            }
        }
        else
        {
            AreaDownscale.Resize(luma, work);
        }

        var feature = new Plane<short>(_feature, _featureWidth, _featureHeight);
        Correlate(work, feature);

        var pooled = new Plane<short>(_pooled, Display.Width, Display.Height);
        SampledNearest = _featureWidth < Display.Width || _featureHeight < Display.Height;
        if (SampledNearest)
        {
            SampleNearest(feature, pooled);
        }
        else if (_pooling == PoolingMode.Average)
        {
            GridPooling.Average(feature, pooled);
        }
        else
        {
            GridPooling.MaxAbs(feature, pooled);
        }

        // Max-abs pooling keeps the largest magnitude of the map in some cell, so the map's peak
        // is the pooled peak: no second pass over the whole map.
        int pooledPeak = PeakAbs(pooled);
        FeatureMapPeak = _pooling == PoolingMode.MaxAbs && !SampledNearest ? pooledPeak : PeakAbs(feature);
        _gain.Update(pooledPeak);
        Colorize();
        _hasFrame = true;
        FramesProcessed++;
        return _leds;
    }

    private void Correlate(ReadOnlyPlane<byte> work, Plane<short> feature)
    {
        if (_filter is GradientMagnitudeFilter g)
        {
            var gx = new Plane<short>(_gx, _featureWidth, _featureHeight);
            var gy = new Plane<short>(_gy, _featureWidth, _featureHeight);
            LastPath = Correlator.Correlate(work, g.X, gx, Requantizer.ForKernel(g.X.FractionBits), _correlation);
            Correlator.Correlate(work, g.Y, gy, Requantizer.ForKernel(g.Y.FractionBits), _correlation);
            if (g.Norm == MagnitudeNorm.L2)
            {
                GradientMagnitude.L2(gx, gy, feature);
            }
            else
            {
                GradientMagnitude.L1(gx, gy, feature);
            }
        }
        else
        {
            FixedKernel k = ((KernelFilter)_filter).Kernel;
            LastPath = Correlator.Correlate(work, k, feature, Requantizer.ForKernel(k.FractionBits), _correlation);
        }
    }

    private void Colorize()
    {
        LedColorTable colors = EffectiveMap == MapMode.Signed ? _signedColors : _magnitudeColors;
        Span<Rgb> pixels = _leds.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            int v = _pooled[i];
            int sign = v >> 31;
            pixels[i] = colors.BySignMask(_gain.Intensity((v ^ sign) - sign), sign);
        }
    }

    /// <summary>Works out the working and feature sizes for a new frame size or filter, growing buffers only when needed.</summary>
    private void Reshape(int frameWidth, int frameHeight, string origin)
    {
        _shapeDirty = true;
        _hasFrame = false;
        bool native = _workWidthSetting == 0 && _workHeightSetting == 0;
        int ww = native ? frameWidth : Math.Min(frameWidth, _workWidthSetting);
        int wh = native ? frameHeight : Math.Min(frameHeight, _workHeightSetting);
        if (Mode == BorderMode.Valid && (ww < _filter.Cols || wh < _filter.Rows))
        {
            throw new FrameTooSmallException(origin, frameWidth, frameHeight, ww, wh, _filter.Name, _filter.Rows, _filter.Cols);
        }

        FixedKernel probe = _filter is GradientMagnitudeFilter g ? g.X : ((KernelFilter)_filter).Kernel;
        CorrelationGeometry geometry = Correlator.Geometry(ww, wh, probe, _correlation);
        int featureCount = geometry.OutputWidth * geometry.OutputHeight;
        Grow(ref _luma, ww * wh);
        Grow(ref _feature, featureCount);
        if (_filter is GradientMagnitudeFilter)
        {
            Grow(ref _gx, featureCount);
            Grow(ref _gy, featureCount);
        }

        _frameWidth = frameWidth;
        _frameHeight = frameHeight;
        _workWidth = ww;
        _workHeight = wh;
        _featureWidth = geometry.OutputWidth;
        _featureHeight = geometry.OutputHeight;
        _shapeDirty = false;
    }

    private static void SampleNearest(ReadOnlyPlane<short> feature, Plane<short> pooled)
    {
        for (int y = 0; y < pooled.Height; y++)
        {
            int fy = (int)(((2L * y) + 1) * feature.Height / (2L * pooled.Height));
            for (int x = 0; x < pooled.Width; x++)
            {
                int fx = (int)(((2L * x) + 1) * feature.Width / (2L * pooled.Width));
                pooled[y, x] = feature[fy, fx];
            }
        }
    }

    private static int PeakAbs(ReadOnlyPlane<short> plane) => PeakMagnitude.Of(plane);

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }
    }

    private static Filter CheckFilter(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        switch (filter)
        {
            case KernelFilter:
                return filter;
            case GradientMagnitudeFilter g when g.X.Rows == g.Y.Rows && g.X.Cols == g.Y.Cols:
                return filter;
            case GradientMagnitudeFilter g:
                throw new ArgumentException($"Filter {g.Name} pairs a {g.X.Rows}x{g.X.Cols} x kernel with a {g.Y.Rows}x{g.Y.Cols} y kernel; both must have the same size.", nameof(filter));
            default:
                throw new ArgumentException($"Filter {filter.Name} is a {filter.GetType().Name}, which the pipeline does not know how to run.", nameof(filter));
        }
    }

    private static InvalidOperationException NoFrameYet() =>
        new("The pipeline has not processed a frame yet (or the last one failed), so there is no plane to show.");
}
