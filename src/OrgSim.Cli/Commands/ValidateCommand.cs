using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim validate</c>: every check <c>orgsim run</c> makes before running, with the same overrides; writes no file.</summary>
public static class ValidateCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(ValidateOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stderr);
        ScenarioInput input = JobOutput.Scenario(options.Scenario, options.Set, options.Seed, options.Replicates);
        return JobOutput.Print(ValidateJob.Execute(input, stderr.WriteLine), stdout, stderr);
    }
}
