using System.CommandLine;
using System.Globalization;
using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Cli;

/// <summary>`kernels`: the catalogue, one name per line with its size; `kernels NAME` prints the matrix.</summary>
public static class KernelsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var name = new Argument<string?>("name") { Description = "A catalogue name (or kernel file) to print as a matrix.", Arity = ArgumentArity.ZeroOrOne };
        CliValidation.RejectOptionLikeValues(name);
        var command = new Command("kernels", "List the built-in kernels, or print one as a matrix.") { name };
        command.SetAction(parse =>
        {
            string? n = parse.GetValue(name);
            if (n is null)
            {
                foreach (string k in KernelCatalogue.Names)
                {
                    Filter f = KernelCatalogue.Get(k);
                    string kind = f is GradientMagnitudeFilter ? "  (gradient magnitude of sobel-x and sobel-y)" : string.Empty;
                    env.Out.WriteLine($"{k,-12} {f.Rows}x{f.Cols}{kind}");
                }

                return ExitCodes.Success;
            }

            Filter filter = KernelResolver.Resolve(n);
            WriteFilter(env.Out, filter);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void WriteFilter(TextWriter output, Filter filter)
    {
        switch (filter)
        {
            case KernelFilter k:
                WriteKernel(output, k.Kernel);
                break;
            case GradientMagnitudeFilter g:
                output.WriteLine($"{g.Name}: {(g.Norm == MagnitudeNorm.L1 ? "|gx| + |gy|" : "sqrt(gx^2 + gy^2)")} of");
                WriteKernel(output, g.X);
                WriteKernel(output, g.Y);
                break;
        }
    }

    public static void WriteKernel(TextWriter output, FixedKernel kernel)
    {
        string format = kernel.FractionBits == 0 ? "0" : "0.0000";
        output.WriteLine($"{kernel.Name} {kernel.Rows}x{kernel.Cols}, {kernel.FractionBits} fraction bits{(kernel.Bias != 0 ? $", bias {kernel.Bias}" : string.Empty)}");
        var cells = new string[kernel.Rows, kernel.Cols];
        int width = 1;
        for (int r = 0; r < kernel.Rows; r++)
        {
            for (int c = 0; c < kernel.Cols; c++)
            {
                cells[r, c] = kernel.ValueAt(r, c).ToString(format, CultureInfo.InvariantCulture);
                width = Math.Max(width, cells[r, c].Length);
            }
        }

        for (int r = 0; r < kernel.Rows; r++)
        {
            var parts = new string[kernel.Cols];
            for (int c = 0; c < kernel.Cols; c++)
            {
                parts[c] = cells[r, c].PadLeft(width);
            }

            output.WriteLine($"  [ {string.Join("  ", parts)} ]");
        }
    }
}
