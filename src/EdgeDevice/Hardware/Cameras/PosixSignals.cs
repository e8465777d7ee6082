using System.Runtime.InteropServices;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>
/// SIGTERM for a child, so rpicam-vid can close the camera cleanly; .NET's Process.Kill only
/// sends SIGKILL.
/// </summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    public static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return kill(pid, SigTerm) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project keeps off; kill(2) has only int arguments.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
