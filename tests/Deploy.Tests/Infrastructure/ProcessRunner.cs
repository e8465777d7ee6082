using System.Diagnostics;

namespace Deploy.Tests.Infrastructure;

/// <summary>
/// Runs a program to completion with a time limit. Standard input is closed (the deploy
/// must never wait for a prompt); on time-out the whole process tree is killed and the test
/// fails with what it had printed so far.
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(
        string file,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach ((string name, string? value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        string command = string.Join(' ', start.ArgumentList.Prepend(file));
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
            string sofar = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:F0} s and was killed. Output so far:\n{sofar}");
        }

        // A background grandchild that kept our pipes open must not hang the test run.
        if (!Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"`{command}` exited but something it started still holds its output open.");
        }

        return new ProcessResult(command, process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessResult Run(string file, params string[] arguments) =>
        Run(file, arguments, TimeSpan.FromMinutes(2));

    /// <summary>Runs and fails the test unless the exit code is 0.</summary>
    public static ProcessResult Check(string file, params string[] arguments)
    {
        ProcessResult result = Run(file, arguments);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result;
    }
}
