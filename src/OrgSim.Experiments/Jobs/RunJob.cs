using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// <c>orgsim run</c> from start to end: load and check everything, claim the folder, run what is
/// not done yet through <see cref="RunScheduler"/>, assemble the tables, draw the report. All
/// checks come before any output; every run is saved as it finishes, so an interrupted run resumes.
/// </summary>
public static class RunJob
{
    private const int MaxSummaries = 6;

    /// <summary>Runs <paramref name="request"/>, telling <paramref name="listener"/> what happens.</summary>
    public static RunOutcome Execute(RunRequest request, RunListener listener, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listener);
        var problems = new List<string>();
        if (request.Threads is < 1 or > RunRequest.MaxThreads)
        {
            problems.Add($"orgsim: --threads is {request.Threads}; must be in range [1, {RunRequest.MaxThreads}]");
        }

        var (shard, shardError, shardSource) = ShardSpec.Resolve(request.Shard, request.Shards, request.Environment);
        if (shardError is not null)
        {
            problems.Add(shardError.StartsWith("orgsim", StringComparison.Ordinal) ? shardError : "orgsim: " + shardError);
        }

        var (loaded, loadErrors) = request.Scenario.Load();
        problems.AddRange(loadErrors);
        if (problems.Count > 0 || loaded is null)
        {
            return RunOutcome.Bad(problems);
        }

        if (request.RequireSensitivity && loaded.Sensitivity is null)
        {
            return RunOutcome.Bad([$"{loaded.ReadFrom}: has no sensitivity section, so there is nothing to analyse; add one (docs/analysis.md shows how, and scenarios/what-decides.yaml is an example) or run the scenario with 'orgsim run'"]);
        }

        foreach (string warning in loaded.Warnings)
        {
            listener.Note(warning);
        }

        RunSelection? only = null;
        if (request.Only is { } onlyText)
        {
            (only, string? onlyError) = RunSelection.Parse(onlyText, loaded);
            if (onlyError is not null)
            {
                return RunOutcome.Bad(["orgsim: " + onlyError]);
            }
        }

        var organisations = new OrganisationCache();
        IReadOnlyList<ScenarioError> preflight = Preflight.CheckAllPoints(loaded, organisations, cancellation);
        if (preflight.Count > 0)
        {
            return RunOutcome.Bad(preflight.Select(x => x.ToString()));
        }

        RunPlan plan = RunPlan.For(loaded, shard ?? ShardSpec.All, only);
        if (plan.Count == 0)
        {
            return RunOutcome.Bad([only is null
                ? $"orgsim: shard {shard} has no run: the scenario has {plan.TotalInScenario:N0} runs, so split it into at most {plan.TotalInScenario:N0} shards"
                : $"orgsim: --only {request.Only} selects no run of shard {shard}; choose runs the shard owns, or drop --shard"]);
        }

        var identity = RunIdentity.Of(plan);
        var (folder, _, claimError) = ResultsFolder.ClaimForRuns(request.Out, loaded.Spec.Name, identity, request.Overwrite);
        if (folder is null)
        {
            return RunOutcome.Bad(["orgsim: " + claimError]);
        }

        using (folder)
        {
            foreach (string note in DamagedRecordNotes(folder.RemovedRecords, plan))
            {
                listener.Note(note);
            }

            long pending = RunScheduler.Pending(plan, folder).LongCount();
            listener.Say(Describe(loaded, plan, pending, request.Threads, shard, shardSource));
            try
            {
                listener.ProgressStarted(plan.Count, plan.Count - pending);
                RunScheduler.Execute(plan, folder, request.Threads, listener.RunCompleted, organisations, cancellation);
            }
            catch (RunFailureException failure)
            {
                return RunOutcome.Bad([$"{loaded.ReadFrom}: {failure.Message}; the finished runs are kept and a rerun resumes"]) with { Folder = folder.Path };
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is IOException or UnauthorizedAccessException))
            {
                return RunOutcome.Bad([$"orgsim: cannot write a run's record into {folder.Path}: {e.InnerExceptions[0].Message}; check the folder's permissions and free space; the finished runs are kept and a rerun resumes"]) with { Folder = folder.Path };
            }
            catch (OperationCanceledException)
            {
                if (RunScheduler.Pending(plan, folder).Any())
                {
                    long saved = plan.Runs.LongCount(folder.Contains);
                    string again = request.Out is null ? $"run it again with --out {folder.Path}" : "run the same command again";
                    return new RunOutcome(JobStatus.Cancelled, [], [$"orgsim: cancelled; {saved:N0} of {plan.Count:N0} runs are saved in {folder.Path}; {again} to finish the rest"]) { Folder = folder.Path };
                }
            }
            finally
            {
                listener.ProgressEnded();
            }

            try
            {
                IReadOnlyList<Sensitivity.OutputAnalysis>? analyses = folder.Assemble(w => RunManifest.Write(w, loaded));
                if (loaded.Sensitivity is not null && analyses is null)
                {
                    listener.Note($"orgsim: {folder.Path} holds only part of the sensitivity design's runs, so sensitivity.csv is not written; 'orgsim merge' writes it once every shard has run");
                }

                if (cancellation.IsCancellationRequested)
                {
                    // Every run had finished: the tables are whole, so they are written; the report can wait.
                    return new RunOutcome(JobStatus.Cancelled, [], [$"orgsim: cancelled after every run had finished; the tables are written in {folder.Path}; 'orgsim plot {ShellWord.Quote(folder.Path)}' draws the report"]) { Folder = folder.Path };
                }

                IReadOnlyList<string> keyMessage = request.NoReport ? [] : DrawReport(folder, request.Png, listener.Note);

                // Asked for and not written: said again at the end and a non-zero exit, so a script notices.
                string? deckProblem = request.Pptx ? WriteDeck(folder, request.Overwrite, listener.Note) : null;

                if (analyses is not null)
                {
                    // A design's points are many and chosen by the design: the analysis is the summary.
                    return new RunOutcome(JobStatus.Success, [], []) { Folder = folder.Path, RunsExecuted = pending, Sensitivity = new SensitivitySummary(loaded.Sensitivity!, analyses), KeyMessage = keyMessage, Unwritten = deckProblem };
                }

                var (summaries, notShown) = Summaries(loaded, plan, folder, identity);
                return new RunOutcome(JobStatus.Success, [], []) { Folder = folder.Path, RunsExecuted = pending, Summaries = summaries, PointsNotShown = notShown, KeyMessage = keyMessage, Unwritten = deckProblem };
            }
            catch (DamagedFileException e)
            {
                // Damaged after the claim checked it (the claim removes what it finds damaged).
                return RunOutcome.Bad([$"orgsim: {e.Message}; nothing was replaced; run the same command again: it redoes the damaged run"]) with { Folder = folder.Path };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return RunOutcome.Bad([$"orgsim: cannot write results to {folder.Path}: {e.Message}; check the folder's permissions and free space; the finished runs are kept and a rerun resumes"]) with { Folder = folder.Path };
            }
        }
    }

    /// <summary>
    /// What the claim did with damaged records, one line for those this command redoes and one for
    /// those it does not run (another shard's, or outside <c>--only</c>), each naming the records.
    /// </summary>
    internal static IEnumerable<string> DamagedRecordNotes(IReadOnlyList<DamagedRecord> removed, RunPlan plan)
    {
        var (redone, notRun) = (removed.Where(r => plan.Contains(r.Run)).ToList(), removed.Where(r => !plan.Contains(r.Run)).ToList());
        if (redone.Count > 0)
        {
            yield return $"orgsim: {Records(redone)} removed and will be redone: {Named(redone)}";
        }

        if (notRun.Count > 0)
        {
            string them = notRun.Count == 1 ? "it" : "them";
            yield return $"orgsim: {Records(notRun)} removed: {Named(notRun)}; this command does not run {them} (--only or --shard), so run the command that does to redo {them}";
        }

        static string Records(List<DamagedRecord> records) => records.Count == 1 ? "1 damaged run record was" : $"{records.Count} damaged run records were";
    }

    /// <summary>The first few records and what was wrong with each; how many more, if any.</summary>
    private static string Named(List<DamagedRecord> records)
    {
        const int Shown = 5;
        string named = string.Join(", ", records.Take(Shown));
        return records.Count > Shown ? $"{named} and {records.Count - Shown} more" : named;
    }

    /// <summary>Draws the report and returns its key message; a failure here is a note, because the tables are already written.</summary>
    internal static IReadOnlyList<string> DrawReport(ResultsFolder folder, bool png, Action<string> note)
    {
        try
        {
            var (_, reportError, keyMessage) = folder.DrawReport(png, note);
            if (reportError is not null)
            {
                note($"orgsim: the tables are written, but not the report: {reportError}");
            }

            return keyMessage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            note($"orgsim: the tables are written, but not the report ({e.Message}); draw it later with 'orgsim plot {ShellWord.Quote(folder.Path)}'");
            return [];
        }
    }

    /// <summary>Writes the workshop deck; a failure here is a note, because the tables are already written. Returns the note, or null when the deck was written.</summary>
    internal static string? WriteDeck(ResultsFolder folder, bool overwrite, Action<string> note)
    {
        string? problem;
        try
        {
            var (_, deckError) = folder.WriteDeck(overwrite);
            problem = deckError is null ? null : $"orgsim: the tables are written, but not {ResultsFolder.DeckFileName}: {deckError}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"orgsim: the tables are written, but not {ResultsFolder.DeckFileName} ({e.Message}); write it later with 'orgsim deck {ShellWord.Quote(folder.Path)}'";
        }

        if (problem is not null)
        {
            note(problem);
        }

        return problem;
    }

    private static string Describe(LoadedScenario loaded, RunPlan plan, long pending, int threads, ShardSpec? shard, string shardSource)
    {
        ScenarioSpec spec = loaded.Spec;
        string points = loaded.PointsOrBase.Count > 1 ? $"{loaded.PointsOrBase.Count} points x " : string.Empty;
        string part = plan.Count == plan.TotalInScenario ? string.Empty
            : shard is { Count: > 1 } s ? $" Shard {s} ({shardSource}): {plan.Count:N0} of the {plan.TotalInScenario:N0} runs." : $" Only {plan.Count:N0} of the {plan.TotalInScenario:N0} runs.";
        string resume = pending < plan.Count ? $" Resuming: {plan.Count - pending:N0} runs already done." : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Running '{spec.Name}': {points}{spec.Arms.Count} {(spec.Arms.Count == 1 ? "arm" : "arms")} x {spec.Replicates} {(spec.Replicates == 1 ? "replicate" : "replicates")}, {spec.HorizonWeeks} weeks, {spec.Organisation.Agents:N0} {(spec.Organisation.Agents == 1 ? "agent" : "agents")}, {threads} {(threads == 1 ? "thread" : "threads")}.{part}{resume}");
    }

    /// <summary>The terminal summary: one table for a single point; for a sweep, one per point, up to a few.</summary>
    private static (IReadOnlyList<PointSummary> Shown, int NotShown) Summaries(LoadedScenario loaded, RunPlan plan, ResultsFolder folder, RunIdentity identity)
    {
        // Only the first points' runs are read; the rest are only counted.
        var points = plan.Runs.Select(r => r.Point).Distinct().ToList();
        var shown = new List<PointSummary>();
        foreach (int shownPoint in points.Take(MaxSummaries))
        {
            var point = plan.Runs.SkipWhile(r => r.Point < shownPoint).TakeWhile(r => r.Point == shownPoint).GroupBy(r => r.Point).Single();
            var rows = point.GroupBy(r => r.Arm)
                .SelectMany(arm => SummaryBuilder.ForGroup(identity.Arms[arm.Key], arm.Select(r => folder.ReadMetrics(r).Metrics).ToList()))
                .ToList();
            SweepPoint p = loaded.PointsOrBase[point.Key];
            string? title = loaded.ParameterPaths.Count == 0 ? null
                : $"point {p.Index}: " + string.Join(", ", loaded.ParameterPaths.Select(path => $"{path} = {p.ValueOf(path)}"));
            shown.Add(new PointSummary(title, p.Spec, rows));
        }

        return (shown, Math.Max(0, points.Count - MaxSummaries));
    }
}
