namespace EdgeDevice.Settings;

/// <summary>The GPIO button: the "Button" settings section (wired by the hardware work).</summary>
public sealed class ButtonOptions
{
    public const string Section = "Button";

    public bool Enabled { get; set; }

    /// <summary>BCM GPIO number of the button (pressed = pulled to ground).</summary>
    public int Pin { get; set; } = 17;

    /// <summary>How long a press must last to count as a hold (start/stop training).</summary>
    public double HoldSeconds { get; set; } = 2;

    public IEnumerable<string> Validate()
    {
        if (Pin < 0 || Pin > 53)
        {
            yield return $"Button:Pin is {Pin}; it must be a BCM GPIO number between 0 and 53.";
        }

        if (!double.IsFinite(HoldSeconds) || HoldSeconds <= 0)
        {
            yield return $"Button:HoldSeconds is {HoldSeconds}; it must be a positive number of seconds.";
        }
    }
}
