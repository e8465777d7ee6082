namespace EdgeDevice.Display;

/// <summary>
/// A display that can show one line of text under the matrix (the terminal). The frame loop
/// puts the active kernel and the keys there, so no log line scrolls the drawn matrix away.
/// </summary>
public interface IStatusLine
{
    void SetStatus(string? text);
}
