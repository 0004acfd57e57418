using System.Diagnostics;
using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim run</c>: load, check, run, write, summarise. All checks come before any output.</summary>
public static class RunCommand
{
    /// <summary>The largest <c>--threads</c> accepted.</summary>
    public const int MaxThreads = 256;

    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Load(options.Scenario);
        }
        catch (ScenarioException e)
        {
            return Fail(stderr, e.Errors.Select(x => x.ToString()));
        }

        foreach (string warning in loaded.Warnings)
        {
            stderr.WriteLine(warning);
        }

        var problems = new List<string>();
        var overrides = new List<KeyValuePair<string, ulong>>();
        ScenarioSpec spec = loaded.Spec;
        if (options.Seed is { } seed)
        {
            spec = spec with { Seed = seed };
            overrides.Add(new("seed", seed));
        }

        if (options.Replicates is { } replicates)
        {
            if (replicates is < 1 or > ScenarioSpec.MaxReplicates)
            {
                problems.Add($"orgsim: --replicates is {replicates}; must be in range [1, {ScenarioSpec.MaxReplicates}]");
            }

            spec = spec with { Replicates = replicates };
            overrides.Add(new("replicates", (ulong)Math.Max(0, replicates)));
        }

        int threads = options.Threads ?? Environment.ProcessorCount;
        if (threads is < 1 or > MaxThreads)
        {
            problems.Add($"orgsim: --threads is {threads}; must be in range [1, {MaxThreads}]");
        }

        if (problems.Count > 0)
        {
            return Fail(stderr, problems);
        }

        var (output, outputError) = OutputDirectory.Claim(options.Out, spec.Name, options.Overwrite);
        if (output is null)
        {
            return Fail(stderr, ["orgsim: " + outputError]);
        }

        using (output)
        {
            IReadOnlyList<ScenarioError> preflight = ExperimentRunner.Preflight(loaded with { Spec = spec });
            if (preflight.Count > 0)
            {
                return Fail(stderr, preflight.Select(x => x.ToString()));
            }

            int runCount = spec.Arms.Count * spec.Replicates;
            stdout.WriteLine($"Running '{spec.Name}': {spec.Arms.Count} arms x {spec.Replicates} replicates, {spec.HorizonWeeks} weeks, {spec.Organisation.Agents:N0} agents, {threads} threads.");
            var clock = Stopwatch.StartNew();
            ExperimentResult result;
            try
            {
                result = ExperimentRunner.Run(spec, threads, onRunDone: null, cancellation);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("orgsim: cancelled; nothing was written");
                return ExitCodes.Cancelled;
            }

            IReadOnlyList<SummaryRow> summary = SummaryBuilder.Build(result);
            try
            {
                using var files = new AtomicFileSet(output.AllowOverwrite);
                files.Stage(Path.Combine(output.Path, "timeseries.csv"), w => TimeseriesCsv.Write(w, result));
                files.Stage(Path.Combine(output.Path, "outcomes.csv"), w => OutcomesCsv.Write(w, result));
                files.Stage(Path.Combine(output.Path, "levels.csv"), w => LevelsCsv.Write(w, result));
                files.Stage(Path.Combine(output.Path, "summary.csv"), w => SummaryCsv.Write(w, summary));
                files.Stage(Path.Combine(output.Path, "run.json"), w => RunManifest.Write(w, loaded, spec, overrides));
                files.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(stderr, [$"orgsim: cannot write results to {output.Path}: {e.Message}; check the folder's permissions and free space"]);
            }

            SummaryTable.Print(stdout, spec, summary);
            stdout.WriteLine($"{runCount} runs in {clock.Elapsed.TotalSeconds:F1} s. Results in {output.Path}{Path.DirectorySeparatorChar}");
            return ExitCodes.Success;
        }
    }

    private static int Fail(TextWriter stderr, IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            stderr.WriteLine(line);
        }

        return ExitCodes.BadInput;
    }
}
