using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim plot DIR</c>: redraws the charts and the report from an output folder's tables.</summary>
public static class PlotCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(PlotOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stderr);
        return JobOutput.Print(PlotJob.Execute(options.Folder, options.Png, stderr.WriteLine, options.Point), stdout, stderr);
    }
}
