using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim merge</c>: the shards' output folders into the files a single machine would have written.</summary>
public static class MergeCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(MergeOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stderr);
        return JobOutput.Print(MergeJob.Execute(options.Folders.ToList(), options.Out, options.Overwrite, stderr.WriteLine), stdout, stderr);
    }
}
