using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>
/// A real child process standing in for rpicam-vid: a python3 script that checks it was given
/// the raw-I420-on-stdout arguments, records its pid and run number, and runs a scenario
/// (<paramref name="body"/>) that writes frames with <c>frame(id)</c>. Frame <c>id</c> has
/// Y(x, y) = (id + x + 3 y) mod 256 in the first <c>W</c> bytes of each row, 0xEE padding up to
/// the stride, and chroma planes of 0x80, so a test can tell which frame it got and whether
/// it was mixed or shifted.
/// </summary>
public static class FakeCameraApp
{
    private const string Prelude = """
        #!/usr/bin/python3
        import os, sys, time, signal
        args = sys.argv[1:]
        def arg(name):
            return args[args.index(name) + 1]
        ok = (arg("--codec") == "yuv420" and arg("--timeout") == "0" and arg("--output") == "-" and "--flush" in args)
        if not ok:
            sys.stderr.write("bad arguments: " + " ".join(args) + "\n")
            sys.exit(3)
        W = int(arg("--width")); H = int(arg("--height"))
        STRIDE = int(os.environ.get("FAKE_STRIDE", "0")) or STRIDE_DEFAULT
        me = os.path.abspath(sys.argv[0])
        runs = me + ".runs"
        run = (int(open(runs).read()) if os.path.exists(runs) else 0) + 1
        open(runs, "w").write(str(run))
        open(me + ".pid." + str(run), "w").write(str(os.getpid()))
        out = sys.stdout.buffer
        def frame_bytes(id):
            rows = b"".join(bytes([(id + x + 3 * y) % 256 for x in range(W)]) + b"\xee" * (STRIDE - W) for y in range(H))
            return rows + b"\x80" * (STRIDE * H // 2)
        def frame(id):
            out.write(frame_bytes(id)); out.flush()
        def forever():
            while True:
                time.sleep(0.05)

        """;

    public static string Create(TempFolder folder, string name, int stride, string body)
    {
        string script = Prelude.Replace("STRIDE_DEFAULT", stride.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + body.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        string path = folder.Write(name, script);
        MakeExecutable(path);
        return path;
    }

    public static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static int Runs(string script) => File.Exists(script + ".runs") ? int.Parse(File.ReadAllText(script + ".runs"), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public static int Pid(string script, int run) => int.Parse(File.ReadAllText($"{script}.pid.{run}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The frame id a whole luminance frame was made from, or -1 if its pixels do not all agree.</summary>
    public static int IdOf(ReadOnlySpan<byte> luma, int width, int height)
    {
        int id = luma[0];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (luma[(y * width) + x] != (byte)(id + x + (3 * y)))
                {
                    return -1;
                }
            }
        }

        return id;
    }
}
