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
