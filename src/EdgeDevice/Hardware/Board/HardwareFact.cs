namespace EdgeDevice.Hardware.Board;

/// <summary>One line of `info`: a piece of hardware, whether it can be used, and where it is or the exact fix.</summary>
public sealed record HardwareFact(string Name, bool Usable, string Detail)
{
    public override string ToString() => $"{Name,-16}{(Usable ? "ok" : "missing")}: {Detail}";
}
