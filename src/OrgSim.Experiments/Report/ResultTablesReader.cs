using System.Text.Json;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Reads an output folder into <see cref="ResultTables"/>: parses <c>run.json</c> and the CSV files
/// and averages over replicates. Every value is checked as it is read — a field of the right kind
/// and range, a point, arm, week and competency that <c>run.json</c> has, every run's rows all there —
/// so a damaged or edited file is a <see cref="DamagedFileException"/> naming it and the line, and
/// never an index or parse error deeper down.
/// </summary>
public static class ResultTablesReader
{
    private const int Competencies = 4, Stages = 4;

    /// <summary>The folder's tables.</summary>
    /// <exception cref="IOException">A file is missing.</exception>
    /// <exception cref="DamagedFileException">A file is damaged.</exception>
    public static ResultTables Load(string folder)
    {
        Manifest m = Required(folder, ResultsFolder.ManifestFileName, ReadManifest);
        int k = m.Parameters.Count; // columns after point and before arm
        IReadOnlyList<string> coordinates = RunTable.Coordinates(m.Parameters);
        string arms = $"not an arm of run.json ({string.Join(", ", m.Arms)})";

        // Per (point, arm): per replicate, per week, the counts of each competency's stages.
        var runs = new Dictionary<(int Point, int Arm), Dictionary<int, int[,,]>>();
        var rows = new Dictionary<(int Point, int Arm, int Replicate), int>();
        var agentsOf = new Dictionary<(int Point, int Arm, int Replicate), long>();
        string timeseries = Path.Combine(folder, ResultsFolder.TimeseriesFileName);
        foreach (TableRow f in Required(folder, ResultsFolder.TimeseriesFileName, path => TableFile.Rows(path, [.. coordinates, .. TimeseriesCsv.Columns]).ToList()))
        {
            var (point, arm, replicate) = Run(f, m, k, arms);
            int tick = f.Whole(k + 3, 0, m.Horizon);
            int c = f.IndexIn(k + 4, ResultTables.CompetencyNames, $"not one of {string.Join(", ", ResultTables.CompetencyNames)}");
            if (!runs.TryGetValue((point, arm), out var byReplicate))
            {
                runs[(point, arm)] = byReplicate = [];
            }

            if (!byReplicate.TryGetValue(replicate, out int[,,]? counts))
            {
                byReplicate[replicate] = counts = new int[m.Horizon + 1, Competencies, Stages];
            }

            long sum = 0;
            for (int s = 0; s < Stages; s++)
            {
                sum += counts[tick, c, s] = f.Whole(k + 5 + s, 0, int.MaxValue);
            }

            // The four counts of a row add up to the run's agents: a changed digit shows here.
            if (agentsOf.TryAdd((point, arm, replicate), sum) is false && agentsOf[(point, arm, replicate)] != sum)
            {
                throw new DamagedFileException(timeseries, f.Line, $"the four stage counts add up to {sum}, where the run's first row has {agentsOf[(point, arm, replicate)]} agents");
            }

            rows[(point, arm, replicate)] = rows.GetValueOrDefault((point, arm, replicate)) + 1;
        }

        RequireEveryRow(timeseries, rows, m, (m.Horizon + 1) * Competencies);

        var levelRows = Required(folder, ResultsFolder.LevelsFileName, path => TableFile.Rows(path, [.. coordinates, .. LevelsCsv.Columns])
            .Select(f => (Run: Run(f, m, k, arms), Tick: f.Whole(k + 3, 0, m.Horizon), Level: f.Whole(k + 4, 0, int.MaxValue), Agents: f.Whole(k + 5, 0, int.MaxValue), Share: f.Number(k + 6))).ToList());
        RequireRowsOfEveryRun(Path.Combine(folder, ResultsFolder.LevelsFileName), levelRows.Select(r => r.Run), rows.Keys, m);
        var levels = levelRows.GroupBy(r => (r.Run.Point, r.Run.Arm)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<IReadOnlyList<double>>)g.GroupBy(x => x.Tick).OrderBy(t => t.Key)
                .Select(t => (IReadOnlyList<double>)t.GroupBy(x => x.Level).OrderBy(l => l.Key).Select(l => l.Average(x => x.Share)).ToList()).ToList());

        string outcomesPath = Path.Combine(folder, ResultsFolder.OutcomesFileName);
        var outcomeRows = Required(folder, ResultsFolder.OutcomesFileName, path => TableFile.Rows(path, [.. coordinates, .. OutcomesCsv.Columns])
            .Select(f => (Run: Run(f, m, k, arms), Tick: f.Whole(k + 3, 0, m.Horizon), Effectiveness: f.MaybeNumber(k + 5), Front: f.MaybeNumber(k + 7), Max: f.MaybeNumber(k + 8), Cohort: f.MaybeNumber(k + 9))).ToList());
        RequireEveryRow(outcomesPath, outcomeRows.GroupBy(r => r.Run).ToDictionary(g => g.Key, g => g.Count()), m, m.Horizon + 1, rows.Keys);
        var outcomes = outcomeRows.GroupBy(r => (r.Run.Point, r.Run.Arm)).ToDictionary(
            g => g.Key,
            g => g.GroupBy(r => r.Tick).OrderBy(t => t.Key).Select(t => (
                Front: MeanOf(t.Select(r => r.Front)), Max: MeanOf(t.Select(r => r.Max)), Effectiveness: MeanOf(t.Select(r => r.Effectiveness)), Cohort: BandOf(t.Select(r => r.Cohort)))).ToList());

        var series = new List<ArmSeries>();
        foreach (var ((point, arm), byReplicate) in runs.OrderBy(r => r.Key.Point).ThenBy(r => r.Key.Arm))
        {
            var replicates = byReplicate.Values.ToList();
            long agents = Enumerable.Range(0, Stages).Sum(s => (long)replicates[0][0, 0, s]);
            var competent = new List<Band>();
            var stageShares = Enumerable.Range(0, Competencies).Select(_ => new List<IReadOnlyList<double>>()).ToList();
            for (int t = 0; t <= m.Horizon; t++)
            {
                List<double> shares = replicates.Select(r => Enumerable.Range(0, Competencies).Sum(c => (long)r[t, c, 2] + r[t, c, 3]) / (double)Math.Max(1, agents * Competencies)).ToList();
                Estimate e = ConfidenceIntervals.StudentMean(shares);
                competent.Add(new Band(e.Mean ?? 0, e.Low ?? e.Mean ?? 0, e.High ?? e.Mean ?? 0));
                for (int c = 0; c < Competencies; c++)
                {
                    stageShares[c].Add(Enumerable.Range(0, Stages).Select(s => replicates.Average(r => r[t, c, s]) / Math.Max(1, agents)).ToList());
                }
            }

            var o = outcomes.GetValueOrDefault((point, arm)) ?? [];
            series.Add(new ArmSeries(
                point, m.Arms[arm], replicates.Count, competent, stageShares.Select(s => (IReadOnlyList<IReadOnlyList<double>>)s).ToList(),
                levels.GetValueOrDefault((point, arm)) ?? [],
                o.Select(x => x.Front).ToList(), o.Select(x => x.Max).ToList(), o.Select(x => x.Effectiveness).ToList(), o.Select(x => x.Cohort).ToList())
            {
                CompetentShareByReplicate = byReplicate.ToDictionary(r => r.Key, r => (IReadOnlyList<double>)CompetentShare(r.Value, m.Horizon)),
            });
        }

        string summaryPath = Path.Combine(folder, ResultsFolder.SummaryFileName);
        var summary = Required(folder, ResultsFolder.SummaryFileName, path => TableFile.Rows(path, ["point", .. m.Parameters, .. SummaryCsv.Columns])
            .Select(f => (Arm: f.IndexIn(k + 1, m.Arms, arms), Row: new StatRow(f.Whole(0, 0, m.Points.Count - 1), f.Text(k + 1), f.Text(k + 2), f.MaybeNumber(k + 3), f.MaybeNumber(k + 4), f.MaybeNumber(k + 5), f.Whole(k + 6, 0, int.MaxValue)))).ToList());
        var summarised = summary.Select(s => (s.Row.Point, s.Arm)).ToHashSet();
        foreach (var (point, arm) in runs.Keys.Where(r => !summarised.Contains(r)).Take(1))
        {
            throw new DamagedFileException(summaryPath, $"no rows for point {point}, arm {m.Arms[arm]}, which {ResultsFolder.TimeseriesFileName} holds (truncated?)");
        }

        var contrasts = Required(folder, ResultsFolder.ContrastsFileName, path => TableFile.Rows(path, ["point", .. m.Parameters, .. ResultsFolder.ContrastColumns])
            .Select(f => new StatRow(f.Whole(0, 0, m.Points.Count - 1), m.Arms[f.IndexIn(k + 1, m.Arms, arms)], f.Text(k + 3), f.MaybeNumber(k + 4), f.MaybeNumber(k + 5), f.MaybeNumber(k + 6), f.Whole(k + 7, 0, int.MaxValue), m.Arms[f.IndexIn(k + 2, m.Arms, arms)])).ToList());

        return new ResultTables
        {
            Name = m.Name,
            Description = m.Description,
            Question = m.Question,
            Title = m.Title,
            HorizonWeeks = m.Horizon,
            RetentionWeeks = m.RetentionWeeks,
            Arms = m.Arms,
            ParameterPaths = m.Parameters,
            Points = m.Points,
            Series = series,
            Summary = summary.Select(s => s.Row).ToList(),
            Contrasts = contrasts,
            Sensitivity = SensitivityTableReader.Load(folder, m.Arms),
        };
    }

    /// <summary>The run a row belongs to: a point and an arm of run.json, and a replicate it can have.</summary>
    private static (int Point, int Arm, int Replicate) Run(TableRow f, Manifest m, int k, string arms) =>
        (f.Whole(0, 0, m.Points.Count - 1), f.IndexIn(k + 1, m.Arms, arms), f.Whole(k + 2, 0, m.Replicates - 1));

    /// <summary>Every run of <paramref name="runs"/> (those of timeseries.csv when given) has <paramref name="expected"/> rows in the table at <paramref name="path"/>; a table cut at a line end shows here.</summary>
    private static void RequireEveryRow(string path, IReadOnlyDictionary<(int Point, int Arm, int Replicate), int> runs, Manifest m, int expected, IEnumerable<(int Point, int Arm, int Replicate)>? of = null)
    {
        foreach (var run in of ?? runs.Keys)
        {
            int count = runs.GetValueOrDefault(run);
            if (count != expected)
            {
                string which = $"the run point {run.Point}, arm {m.Arms[run.Arm]}, replicate {run.Replicate}";
                throw new DamagedFileException(path, count < expected ? $"truncated ({which} has {count} of its {expected} rows)" : $"{which} has {count} rows where it has {expected}");
            }
        }
    }

    /// <summary>levels.csv: every run of timeseries.csv has rows, the same number for each week.</summary>
    private static void RequireRowsOfEveryRun(string path, IEnumerable<(int Point, int Arm, int Replicate)> rowRuns, IEnumerable<(int Point, int Arm, int Replicate)> runs, Manifest m)
    {
        var counts = rowRuns.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        foreach (var run in runs)
        {
            int count = counts.GetValueOrDefault(run);
            if (count == 0 || count % (m.Horizon + 1) != 0)
            {
                throw new DamagedFileException(path, $"truncated (the run point {run.Point}, arm {m.Arms[run.Arm]}, replicate {run.Replicate} has {count} rows, not the same number for each of its {m.Horizon + 1} weeks)");
            }
        }
    }

    /// <summary>The mean of the defined values with its Student t 95% interval, clipped to [0, 1] as a share's; NaN when none is defined.</summary>
    private static Band BandOf(IEnumerable<double?> values)
    {
        List<double> defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (defined.Count == 0)
        {
            return new Band(double.NaN, double.NaN, double.NaN);
        }

        Estimate e = ConfidenceIntervals.StudentMean(defined);
        double mean = e.Mean ?? defined.Average();
        return new Band(mean, Math.Max(0, e.Low ?? mean), Math.Min(1, e.High ?? mean));
    }

    private static double MeanOf(IEnumerable<double?> values)
    {
        List<double> defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? double.NaN : defined.Average();
    }

    /// <summary>One run's competent share per week 0..<paramref name="horizon"/>, of its own agents.</summary>
    private static List<double> CompetentShare(int[,,] counts, int horizon)
    {
        long agents = Enumerable.Range(0, Stages).Sum(s => (long)counts[0, 0, s]);
        return Enumerable.Range(0, horizon + 1)
            .Select(t => Enumerable.Range(0, Competencies).Sum(c => (long)counts[t, c, 2] + counts[t, c, 3]) / (double)Math.Max(1, agents * Competencies)).ToList();
    }

    /// <summary>What the tables need of run.json.</summary>
    private sealed record Manifest(string Name, string Description, string Title, string Question, int Horizon, int Replicates, int RetentionWeeks, IReadOnlyList<string> Parameters, IReadOnlyList<IReadOnlyList<string>> Points, IReadOnlyList<string> Arms);

    private static Manifest ReadManifest(string path)
    {
        using JsonDocument document = JsonFile.Parse(path, OwnFile.ReadText(path, OwnFile.MaxSmallFileBytes));
        var json = new ManifestJson(path);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DamagedFileException(path, "not a JSON object");
        }

        JsonElement sweep = json.Property(root, "sweep");
        var parameters = json.List(json.Property(sweep, "parameters", "sweep."), "sweep.parameters").Select((p, i) => json.Text(p, $"sweep.parameters[{i}]")).ToList();
        var points = json.List(json.Property(sweep, "points", "sweep."), "sweep.points").Select((p, i) =>
        {
            var values = json.List(p, $"sweep.points[{i}]").Select((v, j) => json.Text(v, $"sweep.points[{i}][{j}]")).ToList();
            return values.Count == parameters.Count ? (IReadOnlyList<string>)values : throw new DamagedFileException(path, $"sweep.points[{i}] has {values.Count} values where sweep.parameters has {parameters.Count}");
        }).ToList();
        var arms = json.List(json.Property(root, "arms"), "arms").Select((a, i) => json.Text(json.Property(a, "name", $"arms[{i}]."), $"arms[{i}].name")).ToList();
        if (points.Count == 0 || arms.Count == 0 || arms.Distinct(StringComparer.Ordinal).Count() != arms.Count)
        {
            throw new DamagedFileException(path, points.Count == 0 ? "sweep.points is empty" : arms.Count == 0 ? "arms is empty" : "two arms have the same name");
        }

        return new Manifest(
            json.Text(json.Property(root, "name"), "name"),
            json.Text(json.Property(root, "description"), "description"),
            root.TryGetProperty("title", out JsonElement t) ? json.Text(t, "title") : string.Empty, // a run.json before the key has none
            root.TryGetProperty("question", out JsonElement q) ? json.Text(q, "question") : string.Empty,
            json.Whole(json.Property(root, "horizon_weeks"), "horizon_weeks", 1, ScenarioSpec.MaxHorizonWeeks),
            json.Whole(json.Property(root, "replicates"), "replicates", 1, ScenarioSpec.MaxReplicates),
            root.TryGetProperty("metrics", out JsonElement metrics) && metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty("retention_weeks", out JsonElement retention)
                ? json.Whole(retention, "metrics.retention_weeks", 1, ScenarioSpec.MaxHorizonWeeks) : new MetricsSpec().RetentionWeeks,
            parameters,
            points,
            arms);
    }

    private static T Required<T>(string folder, string file, Func<string, T> read)
    {
        string path = Path.Combine(folder, file);
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"{path} is missing; run the scenario with 'orgsim run' first, or name a folder it wrote");
        }
    }

    /// <summary>The values of run.json the tables need, each of the kind orgsim writes, or a damaged file naming the key.</summary>
    private sealed class ManifestJson(string path)
    {
        public JsonElement Property(JsonElement element, string name, string where = "") =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value : throw Damaged($"{where}{name} is missing");

        public JsonElement.ArrayEnumerator List(JsonElement element, string key) =>
            element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw Damaged($"{key} is not a list");

        public string Text(JsonElement element, string key) =>
            element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Damaged($"{key} is not text");

        public int Whole(JsonElement element, string key, int min, int max) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= min && value <= max
                ? value
                : throw Damaged($"{key} is '{MessageText.Shown(element.GetRawText())}', not a whole number from {min} to {max}");


        private DamagedFileException Damaged(string problem) => new(path, problem);
    }
}
