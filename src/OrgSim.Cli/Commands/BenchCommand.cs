using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim bench</c>: the options into a <see cref="BenchRequest"/>, <see cref="BenchJob"/>, then the tables or the JSON object.</summary>
/// <remarks>
/// What it measures and how the phases are found is <see cref="BenchJob"/>'s, documented in the help and
/// docs/cluster.md. Progress goes to standard error, so <c>--json</c> leaves one JSON object on standard output.
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
