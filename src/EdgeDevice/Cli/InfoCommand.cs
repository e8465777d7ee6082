using System.CommandLine;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Platform;

namespace EdgeDevice.Cli;

/// <summary>
/// `info`: the board, CPU features, SPI/I2C state, cameras and displays, each missing piece
/// with its fix. `info --health` exits 0 only if the service's heartbeat is younger than 5 s.
/// </summary>
public static class InfoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var health = new Option<bool>("--health") { Description = "Exit 0 only if the running service's heartbeat is younger than 5 seconds." };
        var command = new Command("info", "Show the board, CPU features and the hardware found, with fixes for what is missing.") { health };
        command.SetAction(parse => parse.GetValue(health) ? Health(env) : Describe(env, env.Hardware()));
        return command;
    }

    public static int Health(CliEnvironment env)
    {
        string path = StatePaths.HeartbeatFile(env.GetEnvironmentVariable);
        TimeSpan? age = Heartbeat.Age(path, env.Time);
        if (age is null)
        {
            env.Error.WriteLine($"edgedevice: not healthy: no heartbeat file at {path} (is the service running?)");
            return ExitCodes.Failure;
        }

        if (age.Value > Heartbeat.HealthyAge || age.Value < -Heartbeat.HealthyAge)
        {
            env.Error.WriteLine($"edgedevice: not healthy: the heartbeat {path} is {age.Value.TotalSeconds:F1} s old (limit {Heartbeat.HealthyAge.TotalSeconds:F0} s): the frame loop is stuck or stopped.");
            return ExitCodes.Failure;
        }

        env.Out.WriteLine($"healthy: heartbeat {age.Value.TotalSeconds:F1} s old");
        return ExitCodes.Success;
    }

    /// <summary>The full report: the summary lines, then one line per display kind and camera with its fix.</summary>
    public static int Describe(CliEnvironment env, HardwareEnvironment hardware)
    {
        Describe(env, hardware.Board, new DeviceNodes(hardware.Buses.DevDirectory));
        env.Out.WriteLine("hardware:");
        foreach (HardwareFact fact in HardwareReport.Collect(hardware))
        {
            env.Out.WriteLine($"  {fact}");
        }

        return ExitCodes.Success;
    }

    public static int Describe(CliEnvironment env, BoardInfo board, DeviceNodes nodes)
    {
        TextWriter o = env.Out;
        o.WriteLine($"board:    {board.Model ?? "not a Raspberry Pi (no /proc/device-tree/model)"}");
        o.WriteLine($"cpu:      arch {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, {ConvCore.Fixed.Diagnostics.CpuFeatures.Current}");
        o.WriteLine($"state:    {StatePaths.StateDirectory(env.GetEnvironmentVariable)}");
        if (board.IsRaspberryPi)
        {
            o.WriteLine(nodes.Spi.Count > 0
                ? $"spi:      enabled ({string.Join(", ", nodes.Spi)})"
                : "spi:      disabled: run `sudo raspi-config nonint do_spi 0` or add `dtparam=spi=on` to /boot/firmware/config.txt, then reboot");
            o.WriteLine(nodes.I2c.Count > 0
                ? $"i2c:      enabled ({string.Join(", ", nodes.I2c)})"
                : "i2c:      disabled: run `sudo raspi-config nonint do_i2c 0` or add `dtparam=i2c_arm=on` to /boot/firmware/config.txt, then reboot");
        }
        else
        {
            o.WriteLine("spi/i2c:  not a Raspberry Pi: LED matrices are simulated (terminal or PNG)");
        }

        o.WriteLine(nodes.Video.Count > 0
            ? $"cameras:  {string.Join(", ", nodes.Video)}"
            : "cameras:  none found: the synthetic pattern or image files are used instead");
        o.WriteLine("displays: terminal and png are always available (simulated)");
        return ExitCodes.Success;
    }
}
