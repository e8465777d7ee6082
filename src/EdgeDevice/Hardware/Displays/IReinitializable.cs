namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// A display whose chip keeps set-up state (scan limit, oscillator, page) that a power glitch or
/// a re-plugged cable wipes: <see cref="ResilientDisplay"/> sends the set-up again before it
/// retries a frame after a failure.
/// </summary>
public interface IReinitializable
{
    void Reinitialize();
}
