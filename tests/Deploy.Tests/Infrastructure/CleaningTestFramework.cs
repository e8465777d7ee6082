using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Deploy.Tests.Infrastructure.CleaningTestFramework", "Deploy.Tests")]

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// xunit's own framework plus one end-of-run step: the run's scratch folder (publish
/// outputs, a few hundred MB) is removed when the runner disposes the framework. The test
/// host may be ended without ProcessExit handlers running, so this is the dependable moment.
/// </summary>
public sealed class CleaningTestFramework : XunitTestFramework
{
    public CleaningTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        DisposalTracker.Add(new RunFolderRemoval());
    }

    private sealed class RunFolderRemoval : IDisposable
    {
        public void Dispose()
        {
            if (TestRun.Created)
            {
                // A separate `rm`, not waited for: the runner may end this process before a
                // few hundred megabytes are deleted, and the child finishes the job anyway.
                using var remove = System.Diagnostics.Process.Start("rm", ["-rf", TestRun.Folder]);
            }
        }
    }
}
