using EdgeDevice.Display;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace EdgeDevice.Rendering;

/// <summary>
/// Records a run as one looping animated GIF of the LED pictures: frames are copied as they
/// come (an LED frame is tiny), rendered and encoded once at <see cref="Save"/>. At most
/// <see cref="MaxFrames"/> are kept; later ones are counted in <see cref="DroppedFrames"/>.
/// </summary>
public sealed class GifRecorder
{
    private readonly List<LedFrame> _frames = [];
    private readonly LedPictureRenderer _renderer;

    /// <param name="framesPerSecond">Playback rate; the GIF delay is 100 / fps centiseconds (at least 2: viewers slow smaller delays down).</param>
    /// <param name="maxFrames">The most frames kept (memory and file size stay bounded on a long run).</param>
    public GifRecorder(double framesPerSecond, int maxFrames = 300, LedPictureRenderer? renderer = null)
    {
        if (!(framesPerSecond > 0 && framesPerSecond <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "framesPerSecond must be above 0 and at most 100.");
        }

        if (maxFrames < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFrames), maxFrames, "maxFrames must be at least 1.");
        }

        MaxFrames = maxFrames;
        FrameDelayCentiseconds = Math.Max(2, (int)Math.Round(100 / framesPerSecond, MidpointRounding.AwayFromZero));
        _renderer = renderer ?? new LedPictureRenderer();
    }

    public int MaxFrames { get; }

    /// <summary>The delay of every frame, in hundredths of a second.</summary>
    public int FrameDelayCentiseconds { get; }

    public int FrameCount => _frames.Count;

    public int DroppedFrames { get; private set; }

    /// <summary>Keeps a copy of <paramref name="frame"/> (the pipeline reuses its own).</summary>
    public void Add(LedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_frames.Count > 0 && (frame.Width != _frames[0].Width || frame.Height != _frames[0].Height))
        {
            throw new ArgumentException($"The recording is {_frames[0].Width}x{_frames[0].Height} but this frame is {frame.Width}x{frame.Height}.", nameof(frame));
        }

        if (_frames.Count >= MaxFrames)
        {
            DroppedFrames++;
            return;
        }

        var copy = new LedFrame(frame.Width, frame.Height);
        frame.CopyTo(copy);
        _frames.Add(copy);
    }

    /// <summary>Writes every kept frame as one animated GIF that loops forever (temporary file, then rename).</summary>
    public void Save(string path)
    {
        if (_frames.Count == 0)
        {
            throw new InvalidOperationException("The GIF recording has no frames to save.");
        }

        using Image<Rgb24> gif = _renderer.Render(_frames[0]);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        SetDelay(gif.Frames.RootFrame);
        for (int i = 1; i < _frames.Count; i++)
        {
            using Image<Rgb24> picture = _renderer.Render(_frames[i]);
            ImageFrame<Rgb24> added = gif.Frames.AddFrame(picture.Frames.RootFrame);
            SetDelay(added);
        }

        // Few distinct colours, so no dithering: LEDs stay flat discs instead of speckled ones.
        // Octree, not Wu: in ImageSharp 2.1 Wu takes hundreds of ms per frame at these sizes.
        var encoder = new GifEncoder
        {
            ColorTableMode = GifColorTableMode.Local,
            Quantizer = new OctreeQuantizer(new QuantizerOptions { Dither = null }),
        };
        OutputFolder.SaveAtomically(gif, path, encoder);
    }

    private void SetDelay(ImageFrame frame) => frame.Metadata.GetGifMetadata().FrameDelay = FrameDelayCentiseconds;
}
