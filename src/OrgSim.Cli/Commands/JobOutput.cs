using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary>Prints what a job said and turns its status into the documented exit code.</summary>
internal static class JobOutput
{
    public static int Print(JobOutcome outcome, TextWriter stdout, TextWriter stderr)
    {
        foreach (string line in outcome.Errors)
        {
            stderr.WriteLine(line);
        }

        foreach (string line in outcome.Lines)
        {
            stdout.WriteLine(line);
        }

        return ExitCode(outcome.Status);
    }

    public static int ExitCode(JobStatus status) => status switch
    {
        JobStatus.Success => ExitCodes.Success,
        JobStatus.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.BadInput,
    };

    public static ScenarioInput Scenario(string file, IEnumerable<string> sets, ulong? seed = null, int? replicates = null) =>
        new(file, sets.ToList(), seed, replicates);
}
