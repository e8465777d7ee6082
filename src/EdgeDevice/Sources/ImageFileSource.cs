using EdgeDevice.Frames;
using EdgeDevice.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeDevice.Sources;

/// <summary>
/// Frames from image files: one file, a folder, or a pattern such as photos/*.png; played
/// once or looped, at a set frame rate or as fast as read.
/// </summary>
/// <remarks>
/// A single file is decoded once, when the source opens, and the same frame is returned on
/// every read. A folder or pattern decodes each file as it comes up; a file that cannot be
/// decoded is logged as a warning once and skipped from then on. If a whole pass yields no
/// frame the source throws <see cref="FrameSourceException"/>: there is nothing to show.
/// </remarks>
public sealed partial class ImageFileSource : IFrameSource
{
    private readonly ImageInput _input;
    private readonly ImageSourceOptions _options;
    private readonly ImageDecoder _decoder;
    private readonly ILogger _logger;
    private readonly FramePacer _pacer;
    private readonly LumaFrame _frame;
    private readonly bool[] _unusable;
    private int _next;
    private int _framesThisPass;
    private long _sequence;
    private bool _ended;
    private bool _disposed;
    private ImageDecodeException? _firstProblem;

    private ImageFileSource(ImageInput input, ImageSourceOptions options, ImageDecoder decoder, ILogger logger, LumaFrame frame)
    {
        _input = input;
        _options = options;
        _decoder = decoder;
        _logger = logger;
        _frame = frame;
        _pacer = new FramePacer(options.FramesPerSecond, options.TimeProvider);
        _unusable = new bool[input.Files.Count];
    }

    /// <summary>e.g. "image cat.png 300x200", "images photos (12 files, looped, 10 fps)".</summary>
    public string Description
    {
        get
        {
            string rate = _options.FramesPerSecond == 0 ? "as fast as read" : $"{_options.FramesPerSecond:0.##} fps";
            string play = _options.Loop ? "looped" : "once";
            return _input.Kind == ImageInputKind.SingleFile
                ? $"image {_input.Argument} {_frame.Width}x{_frame.Height} ({play}, {rate})"
                : $"images {_input.Argument} ({_input.Files.Count} files, {play}, {rate})";
        }
    }

    /// <summary>The files this source plays, in order (one for a single file).</summary>
    public IReadOnlyList<string> Files => _input.Files;

    /// <summary>
    /// Opens <paramref name="pathOrPattern"/>: a file, a folder, or a pattern with * and ? in
    /// its last segment. A single file is decoded here, so a bad one fails now.
    /// </summary>
    /// <exception cref="FrameSourceException">Nothing there, no image file, or a single file that cannot be decoded.</exception>
    public static ImageFileSource Open(string pathOrPattern, ImageSourceOptions? options = null, ILogger? logger = null)
    {
        options ??= ImageSourceOptions.Default;
        options.Validate();
        ImageInput input = ImageInput.Resolve(pathOrPattern);
        ImageDecoder decoder = ImageDecoder.Create(options.Limits);
        var frame = new LumaFrame(1, 1);
        if (input.Kind == ImageInputKind.SingleFile)
        {
            try
            {
                decoder.DecodeLuma(input.Files[0], frame);
            }
            catch (ImageDecodeException e)
            {
                throw new FrameSourceException(e.Message, e);
            }
        }

        return new ImageFileSource(input, options, decoder, logger ?? NullLogger.Instance, frame);
    }

    public ValueTask<LumaFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_ended)
        {
            return ValueTask.FromResult<LumaFrame?>(null);
        }

        if (!(_input.Kind == ImageInputKind.SingleFile ? AdvanceSingle() : DecodeNext()))
        {
            _ended = true;
            return ValueTask.FromResult<LumaFrame?>(null);
        }

        _frame.Sequence = _sequence++;
        ValueTask wait = _pacer.WaitForNextFrameAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? ValueTask.FromResult<LumaFrame?>(_frame) : AfterWait(wait);
    }

    public void Dispose() => _disposed = true;

    private async ValueTask<LumaFrame?> AfterWait(ValueTask wait)
    {
        await wait.ConfigureAwait(false);
        return _frame;
    }

    // The single file was decoded at open; played once it gives one frame.
    private bool AdvanceSingle() => _sequence == 0 || _options.Loop;

    // Decodes the next usable file into the frame; false when a pass has ended and the source
    // does not loop.
    private bool DecodeNext()
    {
        while (true)
        {
            if (_next == _input.Files.Count)
            {
                if (_framesThisPass == 0)
                {
                    throw NothingUsable();
                }

                if (!_options.Loop)
                {
                    return false;
                }

                _next = 0;
                _framesThisPass = 0;
            }

            int index = _next++;
            if (_unusable[index])
            {
                continue;
            }

            try
            {
                _decoder.DecodeLuma(_input.Files[index], _frame);
                _framesThisPass++;
                return true;
            }
            catch (ImageDecodeException e)
            {
                _unusable[index] = true;
                _firstProblem ??= e;
                LogSkipped(_logger, e.Message);
            }
        }
    }

    private FrameSourceException NothingUsable()
    {
        string first = _firstProblem is null ? string.Empty : $" (first problem: {_firstProblem.Message.TrimEnd('.')})";
        return new FrameSourceException(
            $"{_input.Argument} has no usable image: all {_input.Files.Count} files were skipped{first}.",
            _firstProblem);
    }

    // The problem already names the file.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem} Skipping it.")]
    private static partial void LogSkipped(ILogger logger, string problem);
}
