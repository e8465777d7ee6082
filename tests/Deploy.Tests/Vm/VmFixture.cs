using Deploy.Tests.Infrastructure;

namespace Deploy.Tests.Vm;

/// <summary>Boots the arm64 VM once for the tests that use it (about 20-60 s), on first request.</summary>
public sealed class VmFixture : IDisposable
{
    private readonly Lazy<Arm64Vm> _vm = new(Arm64Vm.Boot, LazyThreadSafetyMode.ExecutionAndPublication);

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

    public void Dispose()
    {
        if (_vm.IsValueCreated)
        {
            _vm.Value.Dispose();
        }
    }
}
