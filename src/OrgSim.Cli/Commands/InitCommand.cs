using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim init</c>: writes the commented starter scenario, never over an existing file unless asked.</summary>
public static class InitCommand
{
    /// <summary>Executes the command, its hint naming the run command as <paramref name="command"/>; returns the process exit code.</summary>
    public static int Execute(InitOptions options, CommandPrefix command, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JobOutput.Print(InitJob.Execute(options.Out, options.Overwrite, command), stdout, stderr);
    }
}
