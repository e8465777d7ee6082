using System.Buffers;
using Iot.Device.Media;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>
/// A V4L2 camera without hardware: each call to CaptureContinuous plays the next session, raising
/// NewImageBufferReady for its frames with buffers rented from the given pool (as the binding
/// does with ArrayPool.Shared when pooling is on), then ends as the session says.
/// </summary>
public sealed class FakeVideoDevice(ArrayPool<byte> pool, int busId = 0) : VideoDevice
{
    private readonly Queue<Session> _sessions = new();
    private readonly object _gate = new();

    public enum Ending
    {
        /// <summary>Keep "streaming" nothing until the token is cancelled (a camera that went quiet).</summary>
        Block,

        /// <summary>Throw IOException (the camera failed).</summary>
        Throw,
    }

    public override event NewImageBufferReadyEvent? NewImageBufferReady;

    public override string DevicePath { get; set; } = $"/dev/video{busId}";

    public override VideoConnectionSettings Settings { get; } = new(busId, (8, 2), VideoPixelFormat.YUYV);

    public override bool IsOpen => Starts > Stops;

    public override bool IsCapturing => false;

    public override bool ImageBufferPoolingEnabled { get; set; }

    public int Starts { get; private set; }

    public int Stops { get; private set; }

    public bool Disposed { get; private set; }

    public void AddSession(Ending ending, params byte[][] frames)
    {
        lock (_gate)
        {
            _sessions.Enqueue(new Session(frames, ending));
        }
    }

    public override void StartCaptureContinuous() => Starts++;

    public override void StopCaptureContinuous() => Stops++;

    public override void CaptureContinuous(CancellationToken token)
    {
        Session? session;
        lock (_gate)
        {
            _sessions.TryDequeue(out session);
        }

        foreach (byte[] frame in session?.Frames ?? [])
        {
            if (token.IsCancellationRequested)
            {
                return;
            }

            byte[] buffer = ImageBufferPoolingEnabled ? pool.Rent(frame.Length) : new byte[frame.Length];
            frame.CopyTo(buffer, 0);
            NewImageBufferReady?.Invoke(this, new NewImageBufferReadyEventArgs(buffer, frame.Length));
        }

        if (session?.Ending == Ending.Throw)
        {
            throw new IOException("Error 19. The camera went away.");
        }

        token.WaitHandle.WaitOne();
    }

    public override void Capture(string path) => throw new NotSupportedException();

    public override byte[] Capture() => throw new NotSupportedException();

    public override VideoDeviceValue GetVideoDeviceValue(VideoDeviceValueType type) => throw new NotSupportedException();

    public override IEnumerable<VideoPixelFormat> GetSupportedPixelFormats() => [VideoPixelFormat.YUYV];

    public override IEnumerable<Resolution> GetPixelFormatResolutions(VideoPixelFormat format) => [];

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private sealed record Session(byte[][] Frames, Ending Ending);
}
