namespace EdgeDevice.Actions;

/// <summary>
/// The few things a user can ask of a running device. Keys in the terminal and the GPIO
/// button both post these, so every input reaches the same code.
/// </summary>
public enum DeviceAction
{
    /// <summary>Switch to the next kernel of the cycle (key k, button press).</summary>
    NextKernel,

    /// <summary>Switch between the signed and the magnitude colour map (key m, double press).</summary>
    ToggleMap,

    /// <summary>Start or stop on-device training (key t, button hold).</summary>
    ToggleTraining,

    /// <summary>Stop the program cleanly (key q).</summary>
    Quit,
}
