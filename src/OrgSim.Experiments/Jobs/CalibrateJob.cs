using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrgSim.Core.Graph;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// <c>orgsim calibrate SCENARIO --observed FILE</c>: fits the scenario's calibration parameters to
/// the observed survey by ABC-SMC (docs/calibration.md). Every round of candidates is one batch of
/// runs through the one run path; the round's distances are kept in the output folder, so a rerun
/// of the same command resumes by replaying them.
/// </summary>
public static class CalibrateJob
{
    /// <summary>How many posterior particles, drawn by weight, run for the chart and the forecast.</summary>
    public const int PosteriorRuns = 100;

    private const string Command = "orgsim calibrate";

    /// <summary>Runs the calibration; <paramref name="say"/> gets a line per round.</summary>
    public static JobOutcome Execute(CalibrateRequest request, Action<string> say, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(say);
        if (request.Threads is < 1 or > RunRequest.MaxThreads)
        {
            return JobOutcome.Bad($"{Command}: --threads is {request.Threads}; must be in range [1, {RunRequest.MaxThreads}]");
        }

        var (resolved, shardError, shardSource) = ShardSpec.Resolve(request.Shard, request.Shards, request.Environment);
        if (shardError is not null)
        {
            return JobOutcome.Bad($"{Command}: {shardError}");
        }

        // Shard 1 of 1 is the whole round: the same as no shard.
        ShardSpec? shard = resolved is { Count: > 1 } s ? s : null;

        var (loaded, errors) = request.Scenario.Load(Command);
        if (loaded is null)
        {
            return JobOutcome.Bad(errors);
        }

        if (loaded.Calibration is not { } calibration)
        {
            return JobOutcome.Bad($"{loaded.ReadFrom}: has no calibration section; add one naming the parameters to fit and their prior ranges, e.g. 'calibration: {{parameters: {{model.transmission: [0.02, 0.2]}}}}' (docs/calibration.md)");
        }

        if (loaded.Points.Count > 1 || loaded.ParameterPaths.Count > 0)
        {
            return JobOutcome.Bad($"{loaded.ReadFrom}: a scenario to calibrate has no sweep or sensitivity section: the calibration chooses the points it runs; remove it, or calibrate a copy without it");
        }

        if (loaded.Sets.FirstOrDefault(set => calibration.Parameters.Any(p => p.Path == set.Path)) is { } fixedBySet)
        {
            return JobOutcome.Bad($"{loaded.ReadFrom}: --set {fixedBySet.Brief}: {fixedBySet.Path} is a parameter the calibration fits, and a --set would fix it in every run; remove the --set, or the parameter from calibration.parameters");
        }

        ObservedSurvey observed;
        try
        {
            observed = ObservedSurveyReader.Read(request.Observed);
        }
        catch (ImportException e)
        {
            return JobOutcome.Bad(e.Errors.Select(p => p.ToString()));
        }

        CalibrationCompare compare = calibration.Compare ?? SurveyDistance.DefaultFor(observed);
        if (compare == CalibrationCompare.Stages && observed.Counts == ObservedCounts.Competent)
        {
            return JobOutcome.Bad($"{loaded.ReadFrom}: calibration.compare is stages, but {observed.File} has only competent counts; use compare: competent, or a file with the columns stage_0 … stage_3");
        }

        ScenarioSpec spec = loaded.Spec;
        if (Preflight.Check(loaded) is { Count: > 0 } preflight)
        {
            return JobOutcome.Bad(preflight.Select(e => e.ToString()));
        }

        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 0), cancellation);
        if (SimulatedSurvey.Problems(observed, graph, spec.HorizonWeeks) is { Count: > 0 } surveyProblems)
        {
            return JobOutcome.Bad(surveyProblems);
        }

        var corners = new CalibrationRunner(request.Scenario, calibration.Parameters, [.. observed.Rows.Select(SurveyWave.Of)], request.Threads, cancellation).CornerProblems();
        if (corners.Count > 0)
        {
            return JobOutcome.Bad(corners);
        }

        string folderPath = request.Out ?? Path.Combine("results", spec.Name + "-calibration");
        var (folder, claimProblem) = CalibrationFolder.Claim(folderPath, Identity(loaded, request.Observed), new Dictionary<string, string>
        {
            ["scenario"] = loaded.ReadFrom,
            ["observed"] = observed.File,
            ["tool"] = "orgsim calibrate",
        }, request.Overwrite);
        if (folder is null)
        {
            return JobOutcome.Bad($"{Command}: {claimProblem}");
        }

        try
        {
            if (shard is { } own)
            {
                say($"Shard {own} ({shardSource}): runs candidates k with k mod {own.Count} = {own.Index - 1} of each round (k from 0), into {folder.Path}; whoever finds all {own.Count} parts of a round merges them.");
            }

            return Calibrate(request, loaded, calibration, observed, compare, folder, shard, say, cancellation);
        }
        catch (CalibrationStopException stop)
        {
            return JobOutcome.Bad(stop.Lines);
        }
        catch (DamagedFileException damaged)
        {
            return JobOutcome.Bad($"{damaged.FilePath}: {damaged.Described}");
        }
        catch (OperationCanceledException)
        {
            return new JobOutcome(JobStatus.Cancelled, [], [$"{Command}: cancelled; the rounds finished so far are kept in {folder.Path}, and the same command resumes from them"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JobOutcome.Bad($"{Command}: cannot write into {folder.Path} ({e.Message.TrimEnd('.')}); check its permissions and free space; nothing was replaced");
        }
    }

    private static JobOutcome Calibrate(CalibrateRequest request, LoadedScenario loaded, CalibrationSpec calibration, ObservedSurvey observed, CalibrationCompare compare, CalibrationFolder folder, ShardSpec? shard, Action<string> say, CancellationToken cancellation)
    {
        ScenarioSpec spec = loaded.Spec;
        ulong seed = calibration.SeedFor(spec.Seed);
        AbcSmcPlan plan = calibration.Plan(spec.Seed);
        IReadOnlyList<SensitivityParameter> parameters = calibration.Parameters;
        List<string> names = [.. parameters.Select(p => p.Path)];
        List<SurveyWave> waves = [.. observed.Rows.Select(SurveyWave.Of)];
        var runner = new CalibrationRunner(request.Scenario, parameters, waves, request.Threads, cancellation);
        AbcSmcState state = plan.Start();
        while (!state.IsFinished)
        {
            IReadOnlyList<AbcCandidate> candidates = state.Candidates();
            int generation = state.Generation, round = state.Round;
            string how = "ran";
            List<(int Index, IReadOnlyList<string> Values, double Distance)> rows = [.. candidates.Select(c => (c.Index, (IReadOnlyList<string>)[.. c.Values.Select((v, k) => CalibrationRunner.RunText(parameters[k], v))], double.NaN))];

            // Runs the candidates at these positions of the round and puts their distances into rows; each candidate's seed is its own, wherever it runs.
            void RunInto(IReadOnlyList<int> positions)
            {
                if (positions.Count == 0)
                {
                    return;
                }

                var batch = runner.Run([.. positions.Select(k => candidates[k].Values)], i => CandidateSeed(seed, generation, candidates[positions[i]].Index), [calibration.Arm!], 0, survey => SurveyDistance.Of(observed, survey.AllStageShares(), compare));
                for (int i = 0; i < positions.Count; i++)
                {
                    rows[positions[i]] = (rows[positions[i]].Index, rows[positions[i]].Values, batch.Surveys[new RunCoordinates(i, 0, 0)]);
                }
            }

            if (folder.ReadRound(generation, round) is { } stored)
            {
                if (stored.Count != rows.Count || stored.Zip(rows).Any(p => p.First.Index != p.Second.Index || !p.First.Values.SequenceEqual(p.Second.Values)))
                {
                    throw new DamagedFileException(Path.Combine(folder.Path, CalibrationFolder.RoundsName), $"round {round} of generation {generation} holds other candidates than this calibration proposes (made by another version of orgsim?); rerun with --overwrite to start again");
                }

                rows = [.. stored];
                how = "replayed";
            }
            else
            {
                // The round's parts stored by shards: candidate k (0-based in the round) belongs to shard (k mod N) + 1.
                IReadOnlyList<RoundPart> parts = folder.ReadParts(generation, round);
                int? count = shard?.Count ?? (parts.Count > 0 ? parts[0].Shard.Count : null);
                var known = new bool[rows.Count];
                var present = new SortedSet<int>();
                foreach (RoundPart part in parts)
                {
                    if (part.Shard.Count != count)
                    {
                        string mine = shard is { } s ? $"this is shard {s}" : $"{Path.GetFileName(parts[0].File)} is of {count}";
                        throw new DamagedFileException(part.File, $"is a part of round {round} of generation {generation} split into {part.Shard.Count} shards, but {mine}; every shard of a round needs the same N: rerun with --shard I/{part.Shard.Count}, or remove the round's part files to split it again");
                    }

                    List<int> owned = [.. Enumerable.Range(0, rows.Count).Where(k => part.Shard.Owns(k))];
                    if (part.Rows.Count != owned.Count || part.Rows.Zip(owned).Any(p => p.First.Index != rows[p.Second].Index || !p.First.Values.SequenceEqual(rows[p.Second].Values)))
                    {
                        throw new DamagedFileException(part.File, $"holds other candidates than shard {part.Shard} of round {round} of generation {generation} in this calibration (made by another version of orgsim?); remove it to run that part again");
                    }

                    foreach (var (row, k) in part.Rows.Zip(owned))
                    {
                        rows[k] = row;
                        known[k] = true;
                    }

                    present.Add(part.Shard.Index);
                }

                if (shard is { } own)
                {
                    if (present.Contains(own.Index))
                    {
                        say(string.Create(CultureInfo.InvariantCulture, $"  generation {generation}, round {round}: part {own} is stored already; not run again"));
                    }
                    else
                    {
                        List<int> mine = [.. Enumerable.Range(0, rows.Count).Where(k => own.Owns(k))];
                        RunInto(mine);
                        folder.WritePart(generation, round, own, names, mine.Select(k => rows[k]));
                        present.Add(own.Index);
                        say(string.Create(CultureInfo.InvariantCulture, $"  generation {generation}, round {round}: part {own}: ran {mine.Count:N0} of the round's {rows.Count:N0} runs"));
                    }

                    if (present.Count < own.Count)
                    {
                        List<int> missing = [.. Enumerable.Range(1, own.Count).Where(i => !present.Contains(i))];
                        return JobOutcome.Done(string.Create(CultureInfo.InvariantCulture,
                            $"Generation {generation}, round {round}: parts {string.Join(", ", present)} of {own.Count} are stored in {Path.Combine(folder.Path, CalibrationFolder.RoundsName)}; missing {string.Join(", ", missing)}. Next: run shard{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(i => $"{i}/{own.Count}"))} (or the whole array again) into the same --out; the invocation that finds every part merges the round and goes on."));
                    }

                    how = $"merged {own.Count} parts:";
                }
                else
                {
                    List<int> missing = [.. Enumerable.Range(0, rows.Count).Where(k => !known[k])];
                    RunInto(missing);
                    how = present.Count == count ? $"merged {count} parts:" : present.Count > 0 ? $"ran {missing.Count:N0} (the rest from {present.Count} stored parts of {count}) of" : "ran";
                }

                folder.WriteRound(generation, round, names, rows);
            }

            state = state.Accept(generation, rows.Select(r => new KeyValuePair<int, double>(r.Index, r.Distance)));
            string closed = state.History.FirstOrDefault(h => h.Generation == generation) is { } done && state.Generation != generation
                ? string.Create(CultureInfo.InvariantCulture, $"; generation {generation} done, acceptance rate {done.AcceptanceRate * 100:F0}%")
                : string.Empty;
            say(string.Create(CultureInfo.InvariantCulture, $"  generation {generation}, round {round}: {how} {rows.Count:N0} runs, {state.TotalEvaluated:N0} so far{closed}"));
        }

        if (state.Population.Count == 0)
        {
            return JobOutcome.Bad($"{Command}: no generation was completed ({StopText(state.StopReason)}); raise min_acceptance's budget by widening the priors or lowering calibration.min_acceptance");
        }

        IReadOnlyList<PosteriorSummary> summaries = state.Summarise();
        List<AbcParticle> draws = Draw(state.Population, PosteriorRuns, seed);
        IReadOnlyList<string> arms = request.Forecast ? [.. spec.Arms.Select(a => a.Name)] : [calibration.Arm!];
        int fittedArm = arms.ToList().IndexOf(calibration.Arm!);
        var posterior = runner.Run([.. draws.Select(d => d.Values)], i => SeedDerivation.Derive(seed, "posterior", i), arms, fittedArm, survey => survey.AllStageShares());
        List<IReadOnlyList<double[]>> fitRuns = [.. Enumerable.Range(0, draws.Count).Select(i => posterior.Surveys[new RunCoordinates(i, fittedArm, 0)])];

        List<(string Path, string Value)> fitted = [.. summaries.Select((s, k) => (s.Name, CalibrationRunner.RunText(parameters[k], s.Mean)))];
        string subtitle = $"{spec.Name} · arm {calibration.Arm} · {observed.Rows.Count} observed rows · {draws.Count} posterior runs";
        Chart chart = FitChart.Draw(observed, fitRuns, subtitle);
        var files = new List<(string, Action<TextWriter>)>
        {
            ("calibration.csv", w => CalibrationTables.WriteSummary(w, parameters, summaries, state)),
            ("posterior.csv", w => CalibrationTables.WritePosterior(w, names, state.Population)),
            ("generations.csv", w => CalibrationTables.WriteGenerations(w, state.History)),
            ("fitted.yaml", w => w.Write(FittedScenario.Text(loaded.ReadFrom, loaded.Sets, fitted, folder.Path, FittedHeader(loaded, observed, state)))),
            (FitChart.FileName, w => w.Write(chart.Svg)),
        };
        List<CalibrationTables.ForecastRow> forecast = request.Forecast ? CalibrationTables.Forecast(posterior, draws.Count) : [];
        if (request.Forecast)
        {
            files.Add(("forecast.csv", w => CalibrationTables.WriteForecast(w, forecast)));
        }

        string sentence = string.Create(CultureInfo.InvariantCulture, $"Fitted {string.Join(", ", summaries.Select((s, k) => $"{s.Name} = {Text(s.Mean)} (95% {Text(s.Lower)}–{Text(s.Upper)})"))} to {observed.File} with {state.TotalEvaluated:N0} runs over {state.History.Count} generations; stopped: {StopText(state.StopReason)}.");
        files.Add(("report.html", w => w.Write(CalibrationReport.Build(string.IsNullOrWhiteSpace(spec.Title) ? spec.Name : spec.Title.Trim(), spec.Description, loaded.Question, sentence, parameters, summaries, chart.Svg, forecast, calibration.Arm!, spec.Metrics.RetentionWeeks))));
        folder.WriteOutputs(files);
        var lines = new List<string> { sentence };
        lines.AddRange(CalibrationTables.SummaryLines(parameters, summaries, state));
        if (request.Forecast)
        {
            lines.AddRange(CalibrationTables.ForecastLines(forecast));
        }

        lines.Add($"Results in {folder.Path}: report.html, calibration.csv, posterior.csv, generations.csv, fitted.yaml, fit.svg{(request.Forecast ? ", forecast.csv" : string.Empty)}");
        return JobOutcome.Done([.. lines]);
    }

    /// <summary>The seed of candidate <paramref name="index"/> of <paramref name="generation"/>: each its own, so no two candidates share their luck.</summary>
    internal static ulong CandidateSeed(ulong seed, int generation, int index) =>
        SeedDerivation.Derive(SeedDerivation.Derive(seed, "candidate", generation), "index", index);

    /// <summary>Draws <paramref name="count"/> particles by weight (systematic resampling), deterministic in <paramref name="seed"/>.</summary>
    internal static List<AbcParticle> Draw(IReadOnlyList<AbcParticle> population, int count, ulong seed)
    {
        double total = population.Sum(p => p.Weight);
        double u = CounterRng.Uniform(CounterRng.Key(SeedDerivation.Derive(seed, "posterior-draw", 0), 0), 0);
        var draws = new List<AbcParticle>(count);
        double cumulative = 0;
        int i = 0;
        for (int k = 0; k < count; k++)
        {
            double target = (k + u) / count * total;
            while (i < population.Count - 1 && cumulative + population[i].Weight < target)
            {
                cumulative += population[i].Weight;
                i++;
            }

            draws.Add(population[i]);
        }

        return draws;
    }

    private static IEnumerable<string> FittedHeader(LoadedScenario loaded, ObservedSurvey observed, AbcSmcState state)
    {
        yield return $"{loaded.Spec.Name} with the posterior means fitted by 'orgsim calibrate' to {Path.GetFileName(observed.File)}";
        yield return string.Create(CultureInfo.InvariantCulture, $"({state.TotalEvaluated:N0} runs, {state.History.Count} generations); see calibration.csv for the intervals.");
    }

    private static string Identity(LoadedScenario loaded, string observedFile)
    {
        var text = new StringBuilder("orgsim-calibration 1\n");
        text.Append("scenario ").Append(loaded.Sha256).Append('\n');
        foreach (ScenarioOverride set in loaded.Sets)
        {
            text.Append("set ").Append(set.Path).Append('=').Append(set.Text).Append('\n');
        }

        text.Append("observed ").Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(observedFile)))).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    internal static string StopText(AbcSmcStopReason reason) => reason switch
    {
        AbcSmcStopReason.AcceptanceRateBelowMinimum => "the acceptance rate fell below calibration.min_acceptance",
        AbcSmcStopReason.ToleranceConverged => "the tolerance stopped falling",
        AbcSmcStopReason.MaxGenerations => "calibration.max_generations was reached",
        _ => reason.ToString(),
    };

    private static string Text(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
