using System.ComponentModel;
using System.Diagnostics;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>Runs a short command and returns its stdout, or null when it fails to start, fails or times out.</summary>
public static class CommandRunner
{
    public static string? Run(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using Process p = Process.Start(start) ?? throw new InvalidOperationException("no process");
            // Both streams are read at once so neither pipe can fill up and stall the child.
            Task<string> stdout = p.StandardOutput.ReadToEndAsync();
            Task<string> stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(timeout);
                return null;
            }

            Task.WaitAll([stdout, stderr], timeout);
            return stdout.IsCompletedSuccessfully ? stdout.Result : null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
