using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Cli;

/// <summary>
/// Turns a --kernel argument into a filter. INTERFACE.md: an argument that ends in .json or
/// contains a path separator is a file; anything else is a catalogue name.
/// </summary>
public static class KernelResolver
{
    public static bool IsFile(string argument) =>
        argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || argument.Contains('/')
        || argument.Contains(Path.DirectorySeparatorChar);

    public static Filter Resolve(string argument)
    {
        if (IsFile(argument))
        {
            return new KernelFilter(KernelFiles.KernelFile.Load(argument));
        }

        if (KernelCatalogue.TryGet(argument, out Filter f))
        {
            return f;
        }

        throw new UserInputException($"Unknown kernel '{argument}'; did you mean '{KernelCatalogue.Nearest(argument)}'? ('edgedevice kernels' lists them all.)");
    }
}
