namespace Deploy.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DeployScript => Path.Combine(Root, "deploy", "deploy.sh");

    public static string UnitFile => Path.Combine(Root, "deploy", "edgedevice.service");

    /// <summary>The drop-in a NativeAOT release gets (MemoryDenyWriteExecute=yes).</summary>
    public static string NativeAotDropIn => Path.Combine(Root, "deploy", "nativeaot.conf");

    public static string Playbook => Path.Combine(Root, "deploy", "ansible", "edgedevice.yml");

    public static string ProgramProject => Path.Combine(Root, "src", "EdgeDevice", "EdgeDevice.csproj");

    /// <summary>The test doubles copied beside the test assembly (Doubles/).</summary>
    public static string Double(string name) => Path.Combine(AppContext.BaseDirectory, "Doubles", name);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeDevice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no EdgeDevice.sln above {AppContext.BaseDirectory}");
    }
}
