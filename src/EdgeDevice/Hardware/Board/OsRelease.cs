namespace EdgeDevice.Hardware.Board;

/// <summary>
/// The distribution release from /etc/os-release: its codename ("bookworm", "trixie") decides
/// which GPIO library is installed (Trixie ships libgpiod v2 only).
/// </summary>
public sealed record OsRelease(string? Codename)
{
    public const string DefaultPath = "/etc/os-release";

    public bool IsTrixieOrLater => Codename is "trixie" or "forky";

    public static OsRelease Read(string path = DefaultPath)
    {
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith("VERSION_CODENAME=", StringComparison.Ordinal))
                {
                    string value = line["VERSION_CODENAME=".Length..].Trim().Trim('"');
                    return new OsRelease(value.Length == 0 ? null : value);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new OsRelease((string?)null);
    }
}
