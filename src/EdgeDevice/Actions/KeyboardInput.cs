namespace EdgeDevice.Actions;

/// <summary>
/// Reads single key presses from an interactive terminal on a background thread and posts
/// the bound actions. Does nothing when stdin is not a terminal (systemd, pipes, tests).
/// </summary>
public sealed class KeyboardInput(ActionQueue actions) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;

    public bool Start()
    {
        if (Console.IsInputRedirected)
        {
            return false;
        }

        _thread = new Thread(Read) { IsBackground = true, Name = "keyboard" };
        _thread.Start();
        return true;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void Read()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!Console.KeyAvailable)
                {
                    Thread.Sleep(50);
                    continue;
                }

                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                if (KeyBindings.Map(key.KeyChar) is DeviceAction action)
                {
                    actions.Post(action);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The console has no keyboard after all (a detached session), or the token was
            // disposed on the way out (ObjectDisposedException derives from this): no keys, no harm.
        }
    }
}
