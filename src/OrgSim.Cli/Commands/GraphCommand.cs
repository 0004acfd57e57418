using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim graph</c>: export one replicate's organisation, or print its statistics.</summary>
public static class GraphCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(GraphOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var request = new GraphRequest
        {
            Scenario = JobOutput.Scenario(options.Scenario, options.Set),
            Format = options.Format,
            Out = options.Out,
            Stats = options.Stats,
            Point = options.Point,
            Replicate = options.Replicate,
            Arm = options.Arm,
            Overwrite = options.Overwrite,
            Threads = Environment.ProcessorCount,
        };
        GraphOutcome outcome = GraphJob.Execute(request, stderr.WriteLine, cancellation);
        foreach (TextTable table in outcome.Tables)
        {
            TextTableView.Print(stdout, table);
        }

        return JobOutput.Print(outcome, stdout, stderr);
    }
}
