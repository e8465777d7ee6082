using ConvCore.Fixed.Kernels;
using EdgeDevice.Cli;

namespace EdgeDevice.Training;

/// <summary>Prints two kernels as matrices next to each other (the learned one on the left), as `kernels NAME` prints one.</summary>
public static class KernelSideBySide
{
    private const string Gap = "    ";

    public static void Write(TextWriter output, FixedKernel left, FixedKernel? right)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(left);
        string[] a = Lines(left);
        if (right is null)
        {
            foreach (string line in a)
            {
                output.WriteLine(line);
            }

            return;
        }

        string[] b = Lines(right);
        int width = a.Max(l => l.Length);
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string l = i < a.Length ? a[i] : string.Empty;
            string r = i < b.Length ? b[i] : string.Empty;
            output.WriteLine((l.PadRight(width) + Gap + r).TrimEnd());
        }
    }

    private static string[] Lines(FixedKernel kernel)
    {
        var text = new StringWriter { NewLine = "\n" };
        KernelsCommand.WriteKernel(text, kernel);
        return text.ToString().TrimEnd('\n').Split('\n');
    }
}
