using System.Diagnostics;
using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Cli.Commands;

/// <summary>
/// <c>orgsim run</c>: load, check, run what is not done yet, assemble, summarise. All checks come
/// before any output; every run is saved as it finishes, so an interrupted run resumes.
/// </summary>
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
        var problems = new List<string>();
        List<ScenarioOverride> sets = Overrides(options, problems);
        int threads = options.Threads ?? Environment.ProcessorCount;
        if (threads is < 1 or > MaxThreads)
        {
            problems.Add($"orgsim: --threads is {threads}; must be in range [1, {MaxThreads}]");
        }

        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var (shard, shardError, shardSource) = ShardSpec.Resolve(options.Shard, options.Shards, environment);
        if (shardError is not null)
        {
            problems.Add(shardError.StartsWith("orgsim", StringComparison.Ordinal) ? shardError : "orgsim: " + shardError);
        }

        if (problems.Count > 0)
        {
            return Fail(stderr, problems);
        }

        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Load(options.Scenario, sets);
        }
        catch (ScenarioException e)
        {
            return Fail(stderr, e.Errors.Select(x => x.ToString()));
        }

        foreach (string warning in loaded.Warnings)
        {
            stderr.WriteLine(warning);
        }

        RunSelection? only = null;
        if (options.Only is { } onlyText)
        {
            (only, string? onlyError) = RunSelection.Parse(onlyText, loaded);
            if (onlyError is not null)
            {
                return Fail(stderr, ["orgsim: " + onlyError]);
            }
        }

        var preflight = loaded.PointsOrBase.SelectMany(p => ExperimentRunner.Preflight(loaded with { Spec = p.Spec })).DistinctBy(e => e.ToString()).ToList();
        if (preflight.Count > 0)
        {
            return Fail(stderr, preflight.Select(x => x.ToString()));
        }

        RunPlan plan = RunPlan.For(loaded, shard ?? ShardSpec.All, only);
        if (plan.Runs.Count == 0)
        {
            return Fail(stderr, [$"orgsim: --only {options.Only} selects no run of shard {shard}; choose runs the shard owns, or drop --shard"]);
        }

        var identity = RunIdentity.Of(plan);
        string? resumeError = ResumeCheck(options.Out, identity, options.Overwrite, out bool resuming);
        if (resumeError is not null)
        {
            return Fail(stderr, ["orgsim: " + resumeError]);
        }

        var (output, outputError) = OutputDirectory.Claim(options.Out, loaded.Spec.Name, options.Overwrite || resuming);
        if (output is null)
        {
            return Fail(stderr, ["orgsim: " + outputError]);
        }

        using (output)
        {
            string runsFolder = Path.Combine(output.Path, RunRecord.Folder);
            if (options.Overwrite && !resuming && Directory.Exists(runsFolder))
            {
                Directory.Delete(runsFolder, recursive: true); // Records of another scenario: --overwrite said they may go.
            }

            Directory.CreateDirectory(runsFolder);
            identity.Write(runsFolder);
            IReadOnlyList<RunCoordinates> pending = SweepExecutor.Pending(plan, runsFolder);
            stdout.WriteLine(Describe(loaded, plan, pending.Count, threads, shard, shardSource));
            var clock = Stopwatch.StartNew();
            try
            {
                using var progress = new RunProgress(stdout, plan.Runs.Count, plan.Runs.Count - pending.Count, RunProgress.IsInteractive(stdout), TimeProvider.System);
                SweepExecutor.Execute(plan, pending, runsFolder, threads, progress.Completed, cancellation);
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<RunFailureException>().FirstOrDefault() is { } failure)
            {
                return Fail(stderr, [$"{loaded.File}: {failure.Message}; the finished runs are kept and a rerun resumes"]);
            }
            catch (RunFailureException failure)
            {
                return Fail(stderr, [$"{loaded.File}: {failure.Message}; the finished runs are kept and a rerun resumes"]);
            }
            catch (OperationCanceledException)
            {
                int saved = plan.Runs.Count(r => RunRecord.Exists(runsFolder, r));
                string again = options.Out is null ? $"run it again with --out {output.Path}" : "run the same command again";
                stderr.WriteLine($"orgsim: cancelled; {saved} of {plan.Runs.Count} runs are saved in {output.Path}; {again} to finish the rest");
                return ExitCodes.Cancelled;
            }

            try
            {
                using var files = new AtomicFileSet(overwrite: true);
                // The tables hold every run recorded in the folder: a --only or --shard run into a folder
                // that holds more runs adds to it, never shrinks it.
                ResultAssembler.Stage(files, output.Path, runsFolder, identity, identity.AllRuns().Where(r => RunRecord.Exists(runsFolder, r)).ToList());
                files.Stage(Path.Combine(output.Path, "run.json"), w => RunManifest.Write(w, loaded));
                files.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(stderr, [$"orgsim: cannot write results to {output.Path}: {e.Message}; check the folder's permissions and free space; the finished runs are kept and a rerun resumes"]);
            }

            if (!options.NoReport)
            {
                try
                {
                    var (_, reportError) = ReportFiles.Write(output.Path, options.Png, stderr);
                    if (reportError is not null)
                    {
                        stderr.WriteLine($"orgsim: the tables are written, but not the report: {reportError}");
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"orgsim: the tables are written, but not the report ({e.Message}); draw it later with 'orgsim plot {output.Path}'");
                }
            }

            PrintSummary(stdout, loaded, plan, runsFolder, identity);
            stdout.WriteLine($"{pending.Count} runs in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Results in {output.Path}{Path.DirectorySeparatorChar}");
            return ExitCodes.Success;
        }
    }

    /// <summary>The <c>--set</c> values, then <c>--seed</c> and <c>--replicates</c> as the same kind of override.</summary>
    private static List<ScenarioOverride> Overrides(RunOptions options, List<string> problems)
    {
        var sets = new List<ScenarioOverride>();
        foreach (string argument in options.Set)
        {
            var (set, error) = ScenarioOverride.FromSet(argument);
            if (error is not null)
            {
                problems.Add("orgsim: " + error);
            }
            else
            {
                sets.Add(set!);
            }
        }

        if (options.Seed is { } seed)
        {
            sets.Add(ScenarioOverride.FromSet($"seed={seed.ToString(CultureInfo.InvariantCulture)}").Override!);
        }

        if (options.Replicates is { } replicates)
        {
            if (replicates is < 1 or > ScenarioSpec.MaxReplicates)
            {
                problems.Add($"orgsim: --replicates is {replicates}; must be in range [1, {ScenarioSpec.MaxReplicates}]");
            }

            sets.Add(ScenarioOverride.FromSet($"replicates={replicates.ToString(CultureInfo.InvariantCulture)}").Override!);
        }

        return sets;
    }

    /// <summary>
    /// Whether <paramref name="requested"/> holds run records of this very scenario (same file hash,
    /// overrides and shape): then the run resumes there without <c>--overwrite</c>. Records of
    /// another scenario need <c>--overwrite</c>, so nothing is mixed or lost silently.
    /// </summary>
    private static string? ResumeCheck(string? requested, RunIdentity identity, bool overwrite, out bool resuming)
    {
        resuming = false;
        if (requested is null || !Directory.Exists(Path.Combine(requested, RunRecord.Folder)))
        {
            return null;
        }

        RunIdentity? existing = RunIdentity.Read(Path.Combine(requested, RunRecord.Folder));
        if (existing is not null && existing.SameRunsAs(identity))
        {
            resuming = true;
            return null;
        }

        return overwrite ? null : $"--out {requested} holds runs of another scenario or other overrides ({existing?.ScenarioFile ?? "unknown"}); choose another folder, or add --overwrite to replace them";
    }

    private static string Describe(LoadedScenario loaded, RunPlan plan, int pending, int threads, ShardSpec? shard, string shardSource)
    {
        ScenarioSpec spec = loaded.Spec;
        string points = loaded.PointsOrBase.Count > 1 ? $"{loaded.PointsOrBase.Count} points x " : string.Empty;
        string part = plan.Runs.Count == plan.TotalInScenario ? string.Empty
            : shard is { Count: > 1 } s ? $" Shard {s} ({shardSource}): {plan.Runs.Count:N0} of the {plan.TotalInScenario:N0} runs." : $" Only {plan.Runs.Count:N0} of the {plan.TotalInScenario:N0} runs.";
        string resume = pending < plan.Runs.Count ? $" Resuming: {plan.Runs.Count - pending:N0} runs already done." : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Running '{spec.Name}': {points}{spec.Arms.Count} arms x {spec.Replicates} replicates, {spec.HorizonWeeks} weeks, {spec.Organisation.Agents:N0} agents, {threads} threads.{part}{resume}");
    }

    /// <summary>The terminal summary: one table for a single point; for a sweep, one per point, up to a few.</summary>
    private static void PrintSummary(TextWriter stdout, LoadedScenario loaded, RunPlan plan, string runsFolder, RunIdentity identity)
    {
        const int MaxTables = 6;
        var byPoint = plan.Runs.GroupBy(r => r.Point).ToList();
        foreach (var point in byPoint.Take(MaxTables))
        {
            var rows = point.GroupBy(r => r.Arm)
                .SelectMany(arm => SummaryBuilder.ForGroup(identity.Arms[arm.Key], arm.Select(r => RunRecord.ReadMetrics(runsFolder, r).Metrics).ToList()))
                .ToList();
            SweepPoint p = loaded.PointsOrBase[point.Key];
            string? title = loaded.ParameterPaths.Count == 0 ? null
                : $"point {p.Index}: " + string.Join(", ", loaded.ParameterPaths.Select(path => $"{path} = {p.ValueOf(path)}"));
            SummaryTable.Print(stdout, p.Spec, rows, title);
        }

        if (byPoint.Count > MaxTables)
        {
            stdout.WriteLine($"… and {byPoint.Count - MaxTables} more points: see summary.csv and contrasts.csv.");
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
