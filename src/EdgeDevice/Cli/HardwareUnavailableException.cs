namespace EdgeDevice.Cli;

/// <summary>
/// Configured hardware is absent or unusable at start-up; the message says how to fix it
/// (e.g. the raspi-config command). The program exits with code 4.
/// </summary>
public sealed class HardwareUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
