using System.CommandLine;
using ConvCore.Fixed.Diagnostics;

namespace EdgeDevice.Cli;

/// <summary>
/// `selftest`: every vector path this CPU offers against its scalar twin on seeded random
/// inputs; exit 0 only if all are bit-identical. Run it on a new Pi, and in CI under qemu.
/// </summary>
public static class SelfTestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the random cases (the same seed gives the same cases).", DefaultValueFactory = _ => 1234 };
        var cases = new Option<int>("--cases") { Description = "Random cases per path.", DefaultValueFactory = _ => SelfTest.DefaultCasesPerPath };
        var command = new Command("selftest", "Check every vector path against its scalar twin on this CPU.") { seed, cases };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(cases);
            if (n < 1 || n > 10_000)
            {
                throw new UserInputException($"--cases {n} must be between 1 and 10000.");
            }

            SelfTestReport report = SelfTest.Run(parse.GetValue(seed), n);
            env.Out.WriteLine($"cpu: arch {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, {report.Cpu}");
            if (report.Paths.Count == 0)
            {
                env.Out.WriteLine("no vector paths on this CPU: the scalar specification runs alone (nothing to compare)");
            }

            foreach (SelfTestPathResult path in report.Paths)
            {
                env.Out.WriteLine(path.ToString());
            }

            env.Out.WriteLine(report.Passed
                ? $"selftest passed: {report.Paths.Count} paths, {report.TotalCases} cases, all identical to the scalar twin"
                : $"selftest FAILED: {report.TotalMismatches} of {report.TotalCases} cases differ from the scalar twin");
            return report.Passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
