namespace Deploy.Tests.Infrastructure;

/// <summary>Runs the real deploy/deploy.sh, as a user would, optionally inside a network namespace.</summary>
public static class DeployScript
{
    public static ProcessResult Run(IEnumerable<string> arguments, string? networkNamespace = null, TimeSpan? timeout = null, string? script = null)
    {
        string[] command = ["bash", script ?? RepoPaths.DeployScript, .. arguments];
        var environment = new Dictionary<string, string?>
        {
            // The deploy reads no ssh configuration of this machine's user beyond what it is given.
            ["SSH_AUTH_SOCK"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        TimeSpan limit = timeout ?? TimeSpan.FromMinutes(3);
        return networkNamespace is null
            ? ProcessRunner.Run(command[0], command[1..], limit, environment)
            : ProcessRunner.Run("ip", ["netns", "exec", networkNamespace, .. command], limit, environment);
    }

    /// <summary>A deploy of the shared linux-arm64 publish (no build) to one device.</summary>
    public static ProcessResult DeployTo(SimulatedDevice device, string version, int healthTimeoutSeconds = 40, params string[] extra) =>
        Run([
            "--publish-dir", ProgramBuilds.Arm64PublishFolder, "--version", version,
            .. device.DeployArguments(healthTimeoutSeconds), .. extra, device.Target,
        ]);
}
