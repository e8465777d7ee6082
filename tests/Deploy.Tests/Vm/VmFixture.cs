using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>Boots the arm64 VM once for the tests that use it (about 20-60 s), on first request.</summary>
public sealed class VmFixture : IDisposable
{
    private readonly Lazy<Arm64Vm> _vm = new(BootWithSettings, LazyThreadSafetyMode.ExecutionAndPublication);
    private int _baseDeploys;

    /// <summary>The running VM; skips (or fails under EDGEDEVICE_REQUIRE_SYSTEM_TESTS=1) when there is none.</summary>
    public Arm64Vm Vm
    {
        get
        {
            // The VM image is built by .ci/run when it can be (minutes, and it needs Debian's
            // arm64 archive); without one these tests skip, and say why, even in CI. With an
            // image named but unusable, CI fails as for any other missing prerequisite.
            Skip.If(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Arm64Vm.FolderVariable)),
                $"no arm64 VM image: build one with `deploy/vm/build-arm64-vm.sh DIR` (as root) and set {Arm64Vm.FolderVariable}=DIR");
            string? missing = Arm64Vm.WhatIsMissing();
            SystemTest.Require(missing is null, missing ?? "");
            return _vm.Value;
        }
    }

    /// <summary>
    /// The release that is current and healthy on the VM: the one an earlier test left running
    /// (a deploy under emulation takes about a minute, so tests that only need *a* healthy
    /// service reuse it), else a fresh deploy of the shared arm64 publish.
    /// </summary>
    public string HealthyRelease()
    {
        Arm64Vm vm = Vm;
        ProcessResult state = vm.Ssh(
            "systemctl is-active edgedevice && STATE_DIRECTORY=/var/lib/edgedevice edgedevice info --health >/dev/null && " +
            "basename \"$(readlink /opt/edgedevice/current)\"");
        if (state.ExitCode == 0)
        {
            return state.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        }

        string version = $"base{Interlocked.Increment(ref _baseDeploys)}";
        ProcessResult deploy = vm.Deploy(ProgramBuilds.Arm64PublishFolder, version, 60);
        Assert.True(deploy.ExitCode == 0, deploy.Describe());
        return version;
    }

    /// <summary>
    /// Boots the VM and gives it the user's settings file before any deploy: two frames a
    /// second. Emulated, the default 15 frames a second keep both virtual cores busy, and
    /// every SSH login, systemctl call and health check then crawls. A deploy never
    /// overwrites this file, so it also holds for every release the tests deploy.
    /// </summary>
    private static Arm64Vm BootWithSettings()
    {
        Arm64Vm vm = Arm64Vm.Boot();
        ProcessResult settings = vm.Ssh(
            """sudo mkdir -p /etc/edgedevice && printf '%s\n' '{ "Source": { "FrameRate": 2 } }' | sudo tee /etc/edgedevice/appsettings.json""");
        if (settings.ExitCode != 0)
        {
            vm.Dispose();
            Assert.Fail(settings.Describe());
        }

        return vm;
    }

    public void Dispose()
    {
        if (_vm.IsValueCreated)
        {
            _vm.Value.Dispose();
        }
    }
}
