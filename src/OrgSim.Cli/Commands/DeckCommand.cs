using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim deck DIR</c>: writes the workshop deck from an output folder's tables.</summary>
public static class DeckCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(DeckOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JobOutput.Print(DeckJob.Execute(options.Folder, options.Overwrite), stdout, stderr);
    }
}
