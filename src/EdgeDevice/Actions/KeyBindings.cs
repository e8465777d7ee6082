namespace EdgeDevice.Actions;

/// <summary>The terminal keys: k next kernel, m signed/magnitude map, t training, q quit.</summary>
public static class KeyBindings
{
    public const string Help = "keys: k next kernel, m signed/magnitude map, t train, q quit";

    public static DeviceAction? Map(char key) => char.ToLowerInvariant(key) switch
    {
        'k' => DeviceAction.NextKernel,
        'm' => DeviceAction.ToggleMap,
        't' => DeviceAction.ToggleTraining,
        'q' => DeviceAction.Quit,
        _ => null,
    };
}
