using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim bench</c>: the options into a <see cref="BenchRequest"/>, <see cref="BenchJob"/>, then the tables or the JSON object.</summary>
/// <remarks>
/// Phases, as the help and docs/cluster.md say: each is the median of <see cref="BenchJob.WindowWeeks"/>
/// ticks, early from the first week after seeding, mid from the first week with half of what the spread
/// added, late from the first with nine tenths; progress goes to standard error.
/// </remarks>
public static class BenchCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(BenchOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var request = new BenchRequest
        {
            Agents = options.Agents ?? BenchRequest.DefaultAgents,
            Model = options.Model ?? BenchRequest.Models[0],
            Network = options.Network ?? BenchRequest.Networks[0],
            Degree = options.Degree,
            Threads = options.Threads ?? Environment.ProcessorCount,
            Json = options.Json,
        };
        BenchOutcome outcome = BenchJob.Execute(request, stderr.WriteLine, cancellation);
        foreach (TextTable table in outcome.Tables)
        {
            TextTableView.Print(stdout, table);
        }

        return JobOutput.Print(outcome, stdout, stderr);
    }
}
