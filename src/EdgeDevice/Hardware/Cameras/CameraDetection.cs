using System.Text.RegularExpressions;
using EdgeDevice.Hardware.Board;

namespace EdgeDevice.Hardware.Cameras;

/// <summary>A camera found on this machine, for `auto` and `info`.</summary>
/// <param name="Kind">The Source:Kind that uses it: "picamera" or "camera" (USB/V4L2).</param>
/// <param name="Name">The sensor model or the USB device's name.</param>
/// <param name="Where">The libcamera id or the /dev/videoN node.</param>
/// <param name="Device">For USB cameras, N of /dev/videoN.</param>
public sealed record DetectedCamera(string Kind, string Name, string Where, int Device = 0);

/// <summary>
/// Finds cameras without opening them for capture: Pi CSI cameras by asking the camera app
/// (`rpicam-vid --list-cameras`), USB webcams from /sys/class/video4linux (the node whose
/// device sits on a USB bus, capture index 0; the Pi's own codec and ISP nodes are skipped).
/// </summary>
public static partial class CameraDetection
{
    public const string PiCameraKind = "picamera";
    public const string UsbCameraKind = "camera";

    /// <summary>Runs a command with a timeout and returns its stdout (null on failure).</summary>
    public delegate string? Runner(string executable, IReadOnlyList<string> arguments, TimeSpan timeout);

    /// <summary>CSI cameras listed by the camera app; sensors hang off an I2C bus ("…/i2c@…/imx708@1a"), UVC cameras libcamera also lists do not.</summary>
    public static IReadOnlyList<DetectedCamera> ParseCameraList(string? output)
    {
        var found = new List<DetectedCamera>();
        foreach (string line in (output ?? string.Empty).Split('\n'))
        {
            Match m = CameraLine().Match(line.Trim());
            if (m.Success && m.Groups["id"].Value.Contains("i2c@", StringComparison.Ordinal))
            {
                found.Add(new DetectedCamera(PiCameraKind, m.Groups["model"].Value, m.Groups["id"].Value));
            }
        }

        return found;
    }

    public static IReadOnlyList<DetectedCamera> FindPiCameras(HardwareEnvironment env, Runner? run = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        string? app = ExecutableSearch.FindPiCameraApp(env.SearchPath);
        if (app is null || !env.Board.IsRaspberryPi)
        {
            return [];
        }

        return ListPiCameras(app, run);
    }

    /// <summary>The CSI cameras the given camera app lists (it starts libcamera, so this takes a second or two).</summary>
    public static IReadOnlyList<DetectedCamera> ListPiCameras(string app, Runner? run = null)
    {
        run ??= CommandRunner.Run;
        return ParseCameraList(run(app, ["--list-cameras"], TimeSpan.FromSeconds(10)));
    }

    public static IReadOnlyList<DetectedCamera> FindUsbCameras(HardwareEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (!Directory.Exists(env.SysClassVideo))
        {
            return [];
        }

        var found = new List<DetectedCamera>();
        foreach (string dir in Directory.GetDirectories(env.SysClassVideo, "video*").Concat(Directory.GetFiles(env.SysClassVideo, "video*")).Distinct())
        {
            string node = Path.GetFileName(dir);
            if (!int.TryParse(node.AsSpan("video".Length), out int n))
            {
                continue;
            }

            string device = Path.Combine(dir, "device");
            string? target = ResolveLink(device);
            string index = ReadTrimmed(Path.Combine(dir, "index")) ?? "0";
            if (target is null || !target.Contains("/usb", StringComparison.Ordinal) || index != "0")
            {
                continue;
            }

            found.Add(new DetectedCamera(UsbCameraKind, ReadTrimmed(Path.Combine(dir, "name")) ?? node, $"/dev/{node}", n));
        }

        found.Sort((a, b) => a.Device.CompareTo(b.Device));
        return found;
    }

    /// <summary>
    /// The Source:Kind `auto` should use: the Pi camera when the app lists one, else the first
    /// USB camera, else null (the synthetic pattern).
    /// </summary>
    public static DetectedCamera? Detect(HardwareEnvironment env, Runner? run = null) =>
        FindPiCameras(env, run).FirstOrDefault() ?? FindUsbCameras(env).FirstOrDefault();

    private static string? ResolveLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is string link)
            {
                return Path.GetFullPath(link, Path.GetDirectoryName(path)!);
            }

            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadTrimmed(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<index>\d+)\s*:\s*(?<model>\S+)\s*(\[[^\]]*\])?\s*\((?<id>[^)]*)\)")]
    private static partial Regex CameraLine();
}
