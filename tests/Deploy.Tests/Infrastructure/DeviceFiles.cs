namespace Deploy.Tests.Infrastructure;

/// <summary>Reads of a simulated device's account files (its own /etc).</summary>
public static class DeviceFiles
{
    /// <summary>The passwd entry of <paramref name="user"/> split into its fields, or null.</summary>
    public static string[]? PasswdEntry(SimulatedDevice device, string user) =>
        Entry(device.HostPath("/etc/passwd"), user);

    /// <summary>The members of <paramref name="group"/>, or null when the group does not exist.</summary>
    public static IReadOnlyList<string>? GroupMembers(SimulatedDevice device, string group) =>
        Entry(device.HostPath("/etc/group"), group) is { } fields
            ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
            : null;

    private static string[]? Entry(string file, string name) =>
        File.ReadLines(file).Select(l => l.Split(':')).FirstOrDefault(f => f[0] == name);
}
