namespace Deploy.Tests.Vm;

/// <summary>
/// Every class that uses the arm64 VM shares one booted machine (2 GB, emulated on this
/// host's cores) and runs one after the other: two VMs at once would starve each other, and
/// the tests change the one service the machine has.
/// </summary>
[CollectionDefinition(Name)]
public sealed class VmCollection : ICollectionFixture<VmFixture>
{
    public const string Name = "arm64 VM with real systemd";
}
