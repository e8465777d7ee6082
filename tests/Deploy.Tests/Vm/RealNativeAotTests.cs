using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>
/// The NativeAOT release under real systemd: the drop-in's MemoryDenyWriteExecute=yes is in
/// force for the service (systemd's seccomp filter then refuses writable+executable memory,
/// which the JIT needs), and the AOT frame loop, which needs none, starts, says READY and beats.
/// </summary>
[Collection(VmCollection.Name)]
public sealed class RealNativeAotTests(VmFixture fixture)
{
    [SkippableFact]
    public void A_native_aot_release_runs_with_MemoryDenyWriteExecute_in_force()
    {
        Prerequisites.NativeAotCrossCompile();
        Arm64Vm vm = fixture.Vm;

        ProcessResult deploy = vm.Deploy(ProgramBuilds.AotPublishFolder, "aot1", 90);

        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        ProcessResult service = vm.Ssh("""
            systemctl show -p MemoryDenyWriteExecute -p DropInPaths -p ActiveState -p SubState edgedevice
            sudo readlink /proc/$(systemctl show -p MainPID --value edgedevice)/exe
            STATE_DIRECTORY=/var/lib/edgedevice edgedevice info --health
            """);
        Assert.True(service.ExitCode == 0, service.Describe());
        foreach (string expected in new[]
        {
            "MemoryDenyWriteExecute=yes\n", "/etc/systemd/system/edgedevice.service.d/nativeaot.conf",
            "ActiveState=active\n", "SubState=running\n", "/opt/edgedevice/releases/aot1/EdgeDevice\n", "healthy",
        })
        {
            Assert.Contains(expected, service.StandardOutput);
        }
    }
}
