namespace EdgeDevice.Cli;

/// <summary>
/// Something the user gave us is wrong (a file, an option, a setting). The message is one
/// sentence that names the input and the problem; the program exits with code 2.
/// </summary>
public sealed class UserInputException(string message, Exception? inner = null) : Exception(message, inner);
