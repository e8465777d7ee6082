using System.Device.Gpio;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>
/// A GPIO driver with no hardware: it records pin set-up and lets a test drive a pulled-up button
/// on a pin (pressed = the pin falls to low, released = it rises back to high).
/// </summary>
public sealed class RecordingGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly List<(int Pin, PinEventTypes Events, PinChangeEventHandler Handler)> _callbacks = [];

    public List<string> Calls { get; } = [];

    protected override int PinCount => 54;

    public void Press(int pin) => Edge(pin, PinValue.Low, PinEventTypes.Falling);

    public void Release(int pin) => Edge(pin, PinValue.High, PinEventTypes.Rising);

    public bool HasCallback(int pin) => _callbacks.Any(c => c.Pin == pin);

    protected override void OpenPin(int pinNumber)
    {
        Calls.Add($"open {pinNumber}");
        _values[pinNumber] = PinValue.High;
    }

    protected override void ClosePin(int pinNumber) => Calls.Add($"close {pinNumber}");

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        Calls.Add($"mode {pinNumber} {mode}");
        _modes[pinNumber] = mode;
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values.GetValueOrDefault(pinNumber, PinValue.High);

    protected override void Write(int pinNumber, PinValue value) => _values[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The recording driver only delivers events through callbacks.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        Calls.Add($"callback {pinNumber} {eventTypes}");
        _callbacks.Add((pinNumber, eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        Calls.Add($"remove callback {pinNumber}");
        _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Handler == callback);
    }

    private void Edge(int pin, PinValue value, PinEventTypes type)
    {
        _values[pin] = value;
        foreach (var c in _callbacks.Where(c => c.Pin == pin && (c.Events & type) != 0).ToList())
        {
            c.Handler(this, new PinValueChangedEventArgs(type, pin));
        }
    }
}
