namespace Deploy.Tests.Infrastructure;

/// <summary>Runs the real deploy/deploy.sh, as a user would, optionally inside a network namespace.</summary>
public static class DeployScript
{
    public static ProcessResult Run(IEnumerable<string> arguments, string? networkNamespace = null, TimeSpan? timeout = null, string? script = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        string[] command = ["bash", script ?? RepoPaths.DeployScript, .. arguments];
        var variables = new Dictionary<string, string?>
        {
            // The deploy reads no ssh configuration of this machine's user beyond what it is given.
            ["SSH_AUTH_SOCK"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        TimeSpan limit = timeout ?? TimeSpan.FromMinutes(3);
        return networkNamespace is null
            ? ProcessRunner.Run(command[0], command[1..], limit, variables)
            : ProcessRunner.Run("ip", ["netns", "exec", networkNamespace, .. command], limit, variables);
    }

    /// <summary>A deploy of the shared linux-arm64 publish (no build) to one device.</summary>
    public static ProcessResult DeployTo(SimulatedDevice device, string version, int healthTimeoutSeconds = 40, params string[] extra) =>
        DeployFolderTo(ProgramBuilds.Arm64PublishFolder, device, version, healthTimeoutSeconds, extra);

    /// <summary>A deploy of the given publish folder (no build) to one device.</summary>
    public static ProcessResult DeployFolderTo(string publishFolder, SimulatedDevice device, string version, int healthTimeoutSeconds = 40, params string[] extra) =>
        Run([
            "--publish-dir", publishFolder, "--version", version,
            .. device.DeployArguments(healthTimeoutSeconds), .. extra, device.Target,
        ]);
}
