using System.Device.Gpio;
using EdgeDevice.Actions;
using EdgeDevice.Cli;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Settings;
using Iot.Device.Button;

namespace EdgeDevice.Hardware.Gpio;

/// <summary>
/// The GPIO button (to ground, internal pull-up): press = next kernel, double press = signed /
/// magnitude map, hold = start/stop training. GpioButton delivers the edges (ButtonDown /
/// ButtonUp; its own double-press and hold detection stay off, see <see cref="ButtonGestures"/>)
/// and the actions go to the <see cref="ActionQueue"/> the frame loop drains.
/// </summary>
public sealed class ButtonInput : IDisposable
{
    private readonly GpioButton _button;
    private readonly ButtonGestures _gestures;
    private readonly ActionQueue _actions;
    private GpioController? _ownedController;

    /// <param name="gpio">The board's controller (see <see cref="GpioControllers.Open"/>); not disposed here.</param>
    public ButtonInput(GpioController gpio, int pin, TimeSpan hold, ActionQueue actions, TimeProvider? time = null, TimeSpan? doublePressWindow = null, TimeSpan? debounce = null)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        _actions = actions ?? throw new ArgumentNullException(nameof(actions));
        _gestures = new ButtonGestures(
            time ?? TimeProvider.System,
            OnGesture,
            hold,
            doublePressWindow ?? ButtonGestures.DefaultDoublePressWindow,
            debounce ?? ButtonGestures.DefaultDebounce);

        // Debounce is done by ButtonGestures on the injected clock; GpioButton's uses DateTime.UtcNow.
        _button = new GpioButton(pin, isPullUp: true, hasExternalResistor: false, gpio: gpio, shouldDispose: false);
        _button.ButtonDown += (_, _) => _gestures.Down();
        _button.ButtonUp += (_, _) => _gestures.Up();
        Pin = pin;
    }

    public int Pin { get; }

    public static ButtonInput FromOptions(ButtonOptions options, GpioController gpio, ActionQueue actions, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ButtonInput(gpio, options.Pin, TimeSpan.FromSeconds(options.HoldSeconds), actions, time);
    }

    /// <summary>
    /// Opens the board's GPIO controller (driver chosen by <see cref="GpioDriverSelection"/>) and
    /// starts the button; the controller is disposed with it. Throws
    /// <see cref="HardwareUnavailableException"/> with the fix when the GPIO cannot be used.
    /// </summary>
    public static ButtonInput Start(ButtonOptions options, ActionQueue actions, HardwareEnvironment env, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(env);
        GpioController gpio = GpioControllers.Open(env.Board, env.Os);
        try
        {
            ButtonInput input = FromOptions(options, gpio, actions, time ?? env.Time);
            input._ownedController = gpio;
            return input;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            gpio.Dispose();
            throw new HardwareUnavailableException($"The button on GPIO {options.Pin} cannot be used ({ex.Message}): check Button:Pin and that the user is in the gpio group.", ex);
        }
    }

    public static DeviceAction ActionFor(ButtonGesture gesture) => gesture switch
    {
        ButtonGesture.DoublePress => DeviceAction.ToggleMap,
        ButtonGesture.Hold => DeviceAction.ToggleTraining,
        _ => DeviceAction.NextKernel,
    };

    public void Dispose()
    {
        _button.Dispose();
        _gestures.Dispose();
        _ownedController?.Dispose();
        _ownedController = null;
    }

    private void OnGesture(ButtonGesture gesture) => _actions.Post(ActionFor(gesture));
}
