using System.Runtime.InteropServices;
using EdgeDevice.Cli;

// SIGTERM (systemd stop) and SIGINT (Ctrl+C) cancel the running verb instead of killing the
// process, so the frame loop can blank the LEDs and save state before exiting.
using var stop = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
return await EdgeDeviceCli.InvokeAsync(args, CliEnvironment.ForConsole(), stop.Token);
