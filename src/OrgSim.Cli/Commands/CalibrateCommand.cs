using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim calibrate</c>: a thin shell over <see cref="CalibrateJob"/>.</summary>
public static class CalibrateCommand
{
    public static int Execute(CalibrateOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        var request = new CalibrateRequest
        {
            Scenario = JobOutput.Scenario(options.Scenario, options.Set),
            Observed = options.Observed,
            Out = options.Out,
            Overwrite = options.Overwrite,
            Threads = options.Threads ?? Environment.ProcessorCount,
            Forecast = options.Forecast,
            Shard = options.Shard,
            Shards = options.Shards,
            Environment = JobOutput.Environment(),
        };
        return JobOutput.PrintTimed(() => CalibrateJob.Execute(request, stdout.WriteLine, cancellation), stdout, stderr, time);
    }
}
