using System.CommandLine;
using EdgeDevice.Actions;
using EdgeDevice.Hardware.Gpio;
using EdgeDevice.Hosting;
using EdgeDevice.Platform;
using EdgeDevice.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EdgeDevice.Cli;

/// <summary>
/// `run` (the default verb): the device loop as a hosted service. Under systemd it sends
/// READY after the first frame, feeds the watchdog from the loop and logs a status line
/// instead of drawing; SIGTERM or Ctrl+C stop it and blank the LEDs.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(CliEnvironment env)
    {
        var common = new CommonOptions();
        var display = new Option<string?>("--display") { Description = "auto, terminal, none or png." };
        var command = new Command("run", "Run the device loop: source -> fixed-point edge detection -> LED matrix (the default verb).");
        common.AddTo(command);
        command.Options.Add(display);
        command.SetAction((parse, ct) =>
        {
            var overrides = common.ToSettings(parse);
            if (parse.GetValue(display) is string d)
            {
                overrides.Add(new("Display:Kind", d));
            }

            return RunAsync(env, DeviceSettings.Load(env, overrides), parse.GetValue(common.Frames) ?? 0, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliEnvironment env, DeviceSettings settings, long maxFrames, CancellationToken cancellationToken)
    {
        bool underSystemd = SystemdDetection.IsSystemdService(env.GetEnvironmentVariable);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(settings.Configuration);
        ConfigureLogging(builder.Logging, settings, underSystemd);
        if (env.OutputIsTerminal)
        {
            // The matrix is redrawn in place: the loop's news goes to the status line under it.
            builder.Logging.AddFilter("EdgeDevice.FrameLoop", LogLevel.Warning);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopTimeout);

        using var bootLoggers = LoggerFactory.Create(b => ConfigureLogging(b, settings, underSystemd));
        ILogger boot = bootLoggers.CreateLogger("EdgeDevice");
        using DeviceComposition parts = DeviceComposition.Create(settings, env, boot);
        boot.LogInformation("Source {Source}; display {Display}; kernel {Kernel}.", parts.Source.Description, parts.Display.Name, parts.Pipeline.Filter.Name);

        var actions = new ActionQueue();
        using var keyboard = new KeyboardInput(actions);
        keyboard.Start();

        using ButtonInput? button = settings.Button.Enabled ? ButtonInput.Start(settings.Button, actions, env.Hardware(), env.Time) : null;
        if (button is not null)
        {
            boot.LogInformation("Button on GPIO {Pin}: press next kernel, double press map, hold training.", button.Pin);
        }

        builder.Services.AddSingleton(actions);
        var outcome = new RunOutcome();
        builder.Services.AddSingleton(outcome);
        if (underSystemd)
        {
            builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            builder.Services.AddSingleton<IServiceNotifier>(sp => new SystemdServiceNotifier(sp.GetRequiredService<ISystemdNotifier>(), env.Time));
        }
        else
        {
            builder.Services.AddSingleton<IServiceNotifier, NullServiceNotifier>();
        }

        builder.Services.AddSingleton(sp => new FrameLoop(
            parts.Source,
            parts.Pipeline,
            parts.Display,
            actions,
            parts.Kernels,
            new FrameLoopOptions
            {
                MaxFrames = maxFrames,
                FrameRate = settings.Source.FrameRate,
                StatusInterval = TimeSpan.FromSeconds(settings.Display.StatusIntervalSeconds),
                LogStatus = !env.OutputIsTerminal,
            },
            sp.GetRequiredService<IServiceNotifier>(),
            new Heartbeat(StatePaths.HeartbeatFile(env.GetEnvironmentVariable), env.Time),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeDevice.FrameLoop"),
            env.Time,
            new DeviceTrainingMode(settings.Training, StatePaths.StateDirectory(env.GetEnvironmentVariable), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeDevice.Training"), env.Time)));
        builder.Services.AddHostedService<FrameLoopService>();

        // RunAsync disposes the host when it returns.
        await builder.Build().RunAsync(cancellationToken);
        return outcome.Failure switch
        {
            null => ExitCodes.Success,
            HardwareUnavailableException => ExitCodes.HardwareAbsent,
            UserInputException or Pipeline.FrameTooSmallException => ExitCodes.InvalidInput,
            _ => ExitCodes.Failure,
        };
    }

    /// <summary>Logs go to stderr (stdout carries results and the drawn matrix); systemd gets its own format.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging, DeviceSettings settings, bool underSystemd)
    {
        logging.ClearProviders();
        logging.AddConfiguration(settings.Configuration.GetSection("Logging"));
        if (underSystemd)
        {
            logging.AddSystemdConsole(o => o.IncludeScopes = false);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = false;
            });
        }

        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
