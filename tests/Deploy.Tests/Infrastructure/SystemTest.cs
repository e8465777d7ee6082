namespace Deploy.Tests.Infrastructure;

/// <summary>
/// What a system test does when something it needs from the machine is missing (root, sshd,
/// qemu binfmt, ansible...): it skips and says what is missing, except when
/// EDGEDEVICE_REQUIRE_SYSTEM_TESTS=1 (CI, after .ci/system-test-deps.sh), where a missing
/// prerequisite is a failure: CI must never pass by skipping the deploy tests.
/// </summary>
public static class SystemTest
{
    public const string RequireVariable = "EDGEDEVICE_REQUIRE_SYSTEM_TESTS";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static void Require(bool present, string whatIsMissing)
    {
        if (present)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"System-test prerequisite missing: {whatIsMissing}. {RequireVariable}=1 makes this a failure; .ci/system-test-deps.sh (as root) installs it.");
        }

        Skip.If(true, $"{whatIsMissing} (install with .ci/system-test-deps.sh as root; {RequireVariable}=1 turns this skip into a failure)");
    }
}
