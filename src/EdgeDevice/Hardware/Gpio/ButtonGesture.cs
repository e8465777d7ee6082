namespace EdgeDevice.Hardware.Gpio;

/// <summary>What one use of the button meant.</summary>
public enum ButtonGesture
{
    /// <summary>One short press, with no second press inside the double-press window.</summary>
    Press,

    /// <summary>Two short presses, the second starting inside the window.</summary>
    DoublePress,

    /// <summary>Held down for the hold time (reported while still held).</summary>
    Hold,
}
