using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim tipping</c>: the options into a <see cref="TippingRequest"/>, <see cref="TippingJob"/>, then its lines and the time taken.</summary>
public static class TippingCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(TippingOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        var request = new TippingRequest
        {
            Scenario = JobOutput.Scenario(options.Scenario, options.Set),
            Vary = options.Vary.ToList(),
            Between = options.Between.ToList(),
            Contrast = options.Contrast.ToList(),
            Replicates = options.Replicates,
            Tolerance = options.Tolerance,
            MaxRuns = options.MaxRuns ?? TippingJob.DefaultMaxRuns,
            Grid = options.Grid ?? 7,
            Threads = options.Threads ?? Environment.ProcessorCount,
            Out = options.Out,
            Overwrite = options.Overwrite,
        };
        return JobOutput.PrintTimed(() => TippingJob.Execute(request, stdout.WriteLine, cancellation), stdout, stderr, time);
    }
}
