using EdgeDevice.Cli;
using EdgeDevice.Platform;

namespace EdgeDevice.Training;

/// <summary>
/// Where a training run writes: the kernel (--out, or learned-NAME.json in the state
/// folder), the loss curve as CSV beside it (always), and the plot (--plot). Checked before
/// training starts, so a long run never ends on an unwritable folder.
/// </summary>
public sealed record TrainingOutputs(string KernelPath, string CsvPath, string? PlotPath)
{
    public static TrainingOutputs Resolve(string studentName, string? outPath, string? plotPath, Func<string, string?> getEnv)
    {
        string kernel = outPath ?? Path.Combine(StatePaths.StateDirectory(getEnv), studentName + ".json");
        if (Directory.Exists(kernel))
        {
            throw new UserInputException($"--out {kernel} is a folder; give a file name ending in .json.");
        }

        string stem = kernel.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? kernel[..^5] : kernel;
        string csv = stem + ".loss.csv";
        OutputFolderCheck.EnsureWritable(FolderOf(kernel), outPath is null ? "The state folder" : "--out");
        if (plotPath is not null)
        {
            if (Directory.Exists(plotPath))
            {
                throw new UserInputException($"--plot {plotPath} is a folder; give a file name ending in .png.");
            }

            OutputFolderCheck.EnsureWritable(FolderOf(plotPath), "--plot");
        }

        return new TrainingOutputs(kernel, csv, plotPath);
    }

    private static string FolderOf(string file) => Path.GetDirectoryName(Path.GetFullPath(file))!;
}
