using System.Threading.Channels;

namespace EdgeDevice.Actions;

/// <summary>
/// Inputs post actions from their own threads; the frame loop applies them between frames,
/// so the pipeline is only ever touched by one thread.
/// </summary>
public sealed class ActionQueue
{
    private readonly Channel<DeviceAction> _channel = Channel.CreateBounded<DeviceAction>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Queues an action; a burst beyond 16 pending actions drops the oldest.</summary>
    public void Post(DeviceAction action) => _channel.Writer.TryWrite(action);

    public bool TryTake(out DeviceAction action) => _channel.Reader.TryRead(out action);
}
