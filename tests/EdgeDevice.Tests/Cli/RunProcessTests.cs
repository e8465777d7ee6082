using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Cli;

/// <summary>The real program as a child process: heartbeat while running, and SIGTERM blanks the LEDs and exits 0.</summary>
public class RunProcessTests
{
    [Fact]
    public async Task SigtermBlanksTheMatrixAndExitsCleanly()
    {
        using var t = new TempFolder();
        string state = t.File("state");
        var output = new StringBuilder();
        using Process p = Start(["run", "--display", "terminal", "--fps", "30", "--matrix", "8x4"], state);
        p.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        // Wait for a few frames (the first start of the runtime can take a few seconds on 2 cores).
        await WaitFor(() => FrameCount(Snapshot(output)) >= 3, TimeSpan.FromSeconds(30));
        await WaitFor(() => File.Exists(Path.Combine(state, "heartbeat")), TimeSpan.FromSeconds(5));
        CliResult health = await new CliRunner(t).WithEnvironment("STATE_DIRECTORY", state).RunAsync("info", "--health");
        Assert.Equal(0, health.ExitCode);

        using (Process kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await p.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, p.ExitCode);
        string[] frames = Frames(Snapshot(output));
        Assert.True(frames.Length >= 4, $"expected frames then a blank one, got {frames.Length}");
        Assert.NotEqual(string.Empty, frames[^2].Trim());
        Assert.Equal(string.Empty, frames[^1].Trim());
        Assert.Equal(4, frames[^1].Split('\n').Length);
    }

    [Fact]
    public async Task ABadInputFileExitsWith2BeforeAnythingRuns()
    {
        using var t = new TempFolder();
        using Process p = Start(["run", "--input", t.File("missing.png"), "--display", "none"], t.File("state"));
        string err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(2, p.ExitCode);
        Assert.Contains("missing.png", err);
        Assert.False(File.Exists(Path.Combine(t.File("state"), "heartbeat")));
    }

    [Fact]
    public async Task GivenANotifySocketItSaysReadyFeedsTheWatchdogAndSaysStopping()
    {
        // What systemd gives a Type=notify service, without systemd: a datagram socket named
        // in NOTIFY_SOCKET. Our parent is not systemd, as inside a unit with ProtectProc=invisible
        // the parent cannot be seen to be: the socket alone must be enough.
        using var t = new TempFolder();
        string socketPath = t.File("notify");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        using Process p = Start(["run", "--display", "none", "--fps", "30"], t.File("state"), new() { ["NOTIFY_SOCKET"] = socketPath });
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        var received = new List<string>();
        await ReceiveUntil(socket, received, "WATCHDOG=1", TimeSpan.FromSeconds(30));
        Assert.Contains("READY=1", received);
        Assert.True(received.IndexOf("READY=1") < received.IndexOf("WATCHDOG=1"), string.Join(", ", received));

        using (Process kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await ReceiveUntil(socket, received, "STOPPING=1", TimeSpan.FromSeconds(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await p.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, p.ExitCode);
    }

    private static async Task ReceiveUntil(Socket socket, List<string> received, string wanted, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        byte[] buffer = new byte[512];
        while (!received.Contains(wanted))
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no {wanted} within {limit.TotalSeconds} s; received: {string.Join(", ", received)}");
                return;
            }

            received.AddRange(Encoding.UTF8.GetString(buffer, 0, n).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    private static Process Start(string[] args, string stateDirectory, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EdgeDevice.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["STATE_DIRECTORY"] = stateDirectory;
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment.Remove("INVOCATION_ID");
        foreach ((string name, string value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Appended ASCII frames are separated by one blank line; status lines (written when the status changes) are dropped.</summary>
    private static string[] Frames(string text) =>
        string.Join('\n', text.Replace("\r", string.Empty).Split('\n').Where(l => !l.Contains(" | keys:", StringComparison.Ordinal)))
            .Split("\n\n").Select(f => f.Trim('\n')).Where(f => f.Length > 0).ToArray();

    private static int FrameCount(string text) => Frames(text).Length;

    private static async Task WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < limit, "timed out waiting for the program");
            await Task.Delay(50);
        }
    }
}
