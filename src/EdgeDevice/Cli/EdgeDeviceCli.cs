using System.CommandLine;
using System.CommandLine.Parsing;

namespace EdgeDevice.Cli;

/// <summary>
/// The command line: one verb per job (run, simulate, train, kernels, info, bench,
/// selftest), `run` when no verb is given. Parse errors and bad input exit 2 with one
/// sentence on stderr; missing hardware exits 4; anything unexpected exits 1.
/// </summary>
public static class EdgeDeviceCli
{
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        RootCommand root = BuildRoot(env);
        ParseResult parse = root.Parse(WithDefaultVerb(root, args));
        if (parse.Errors.Count > 0)
        {
            foreach (ParseError error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"edgedevice: {error.Message} (see 'edgedevice --help')");
            }

            return ExitCodes.InvalidInput;
        }

        var config = new InvocationConfiguration
        {
            Output = env.Out,
            Error = env.Error,
            EnableDefaultExceptionHandler = false,

            // Signals are handled by Program (and the host for `run`): one place decides how to stop.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (UserInputException ex)
        {
            await env.Error.WriteLineAsync($"edgedevice: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (HardwareUnavailableException ex)
        {
            await env.Error.WriteLineAsync($"edgedevice: {ex.Message}");
            return ExitCodes.HardwareAbsent;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            await env.Error.WriteLineAsync($"edgedevice: unexpected error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    public static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand("EdgeDevice: a live edge detector on an LED matrix, driven by a fixed-point correlation core.");
        root.Subcommands.Add(RunCommand.Create(env));
        root.Subcommands.Add(SimulateCommand.Create(env));
        root.Subcommands.Add(KernelsCommand.Create(env));
        root.Subcommands.Add(InfoCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(SelfTestCommand.Create(env));
        return root;
    }

    /// <summary>`run` is the default verb: anything that does not start with a verb or a help/version flag gets it.</summary>
    private static string[] WithDefaultVerb(RootCommand root, string[] args)
    {
        if (args.Length > 0)
        {
            string first = args[0];
            if (first is "--help" or "-h" or "-?" or "--version" || root.Subcommands.Any(c => c.Name == first))
            {
                return args;
            }
        }

        return root.Subcommands.Any(c => c.Name == "run") ? ["run", .. args] : args;
    }
}
