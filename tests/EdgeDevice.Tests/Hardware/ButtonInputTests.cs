using System.Device.Gpio;
using EdgeDevice.Actions;
using EdgeDevice.Hardware.Gpio;
using EdgeDevice.Settings;
using EdgeDevice.Tests.Hardware.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace EdgeDevice.Tests.Hardware;

public sealed class ButtonInputTests : IDisposable
{
    private const int Pin = 17;
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingGpioDriver _driver = new();
    private readonly GpioController _gpio;
    private readonly ActionQueue _actions = new();
    private readonly ButtonInput _button;

    public ButtonInputTests()
    {
        _gpio = new GpioController(_driver);
        _button = ButtonInput.FromOptions(new ButtonOptions { Enabled = true, Pin = Pin, HoldSeconds = 2 }, _gpio, _actions, _time);
    }

    public void Dispose()
    {
        _button.Dispose();
        _gpio.Dispose();
    }

    [Fact]
    public void ThePinIsAPulledUpInputWatchedOnBothEdges()
    {
        Assert.Contains($"open {Pin}", _driver.Calls);
        Assert.Contains($"mode {Pin} InputPullUp", _driver.Calls);
        Assert.Contains(_driver.Calls, c => c.StartsWith($"callback {Pin} ", StringComparison.Ordinal) && c.Contains("Falling") && c.Contains("Rising"));
    }

    [Fact]
    public void APressIsNextKernelOnceTheDoublePressWindowHasClosed()
    {
        Tap();
        _time.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Empty(Taken());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([DeviceAction.NextKernel], Taken());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(Taken());
    }

    [Fact]
    public void ADoublePressIsOnlyTheMapSwitch()
    {
        Tap();
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Tap();
        Assert.Equal([DeviceAction.ToggleMap], Taken());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(Taken());
    }

    [Fact]
    public void AHoldIsOnlyTrainingReportedWhileStillHeldAndItsReleaseIsIgnored()
    {
        _driver.Press(Pin);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(Taken());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([DeviceAction.ToggleTraining], Taken());
        _time.Advance(TimeSpan.FromSeconds(3));
        _driver.Release(Pin);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(Taken());
    }

    [Fact]
    public void APressFollowedByAHoldIsJustTheHold()
    {
        Tap();
        _time.Advance(TimeSpan.FromMilliseconds(150));
        _driver.Press(Pin);
        _time.Advance(TimeSpan.FromSeconds(2));
        _driver.Release(Pin);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([DeviceAction.ToggleTraining], Taken());
    }

    [Fact]
    public void ALongPressShorterThanTheHoldIsStillAPress()
    {
        _driver.Press(Pin);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        _driver.Release(Pin);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([DeviceAction.NextKernel], Taken());
    }

    [Fact]
    public void ContactBounceInsideTheDebounceTimeIsIgnored()
    {
        _driver.Press(Pin);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.Release(Pin); // bounce
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.Press(Pin);   // bounce (already down)
        _time.Advance(TimeSpan.FromMilliseconds(100));
        _driver.Release(Pin);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.Press(Pin);   // release bounce
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _driver.Release(Pin);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([DeviceAction.NextKernel], Taken());
    }

    [Fact]
    public void TwoPressesFurtherApartThanTheWindowAreTwoPresses()
    {
        Tap();
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Tap();
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal([DeviceAction.NextKernel, DeviceAction.NextKernel], Taken());
    }

    [Fact]
    public void DisposingReleasesThePinButNotTheSharedController()
    {
        var driver = new RecordingGpioDriver();
        using var gpio = new GpioController(driver);
        var button = new ButtonInput(gpio, 5, TimeSpan.FromSeconds(2), new ActionQueue(), _time);
        Assert.True(driver.HasCallback(5));
        button.Dispose();
        Assert.False(driver.HasCallback(5));
        Assert.Contains("close 5", driver.Calls);
        gpio.OpenPin(6); // still usable
    }

    [Fact]
    public void TheWindowMustBeShorterThanTheHold()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonGestures(_time, _ => { }, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(400), TimeSpan.Zero));
        Assert.Equal("doublePressWindow", ex.ParamName);
    }

    private void Tap()
    {
        _driver.Press(Pin);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        _driver.Release(Pin);
    }

    private List<DeviceAction> Taken()
    {
        var list = new List<DeviceAction>();
        while (_actions.TryTake(out DeviceAction a))
        {
            list.Add(a);
        }

        return list;
    }
}
