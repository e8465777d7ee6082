using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Deploy.Tests.Infrastructure.CleaningTestFramework", "Deploy.Tests")]

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// xunit's own framework plus one end-of-run step: the run's scratch folder (publish
/// outputs, about 250 MB) is removed when the runner disposes the framework. The test host
/// may be ended without ProcessExit handlers running, so this is the dependable moment.
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
                TestRun.TryDelete(TestRun.Folder);
            }
        }
    }
}
