using CsvHelper;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Output;

/// <content>
/// The tables, assembled from the run records in canonical order (point, arm, replicate), so the
/// files are the same however the runs were executed, resumed, sharded or merged. Only one point's
/// records are held at a time (for its summary and contrasts).
/// </content>
public sealed partial class ResultsFolder
{
    /// <summary>The metrics compared between arms in <c>contrasts.csv</c>.</summary>
    public static IReadOnlyList<string> ContrastMetrics { get; } = ["weeks_to_50pct", "competent_share_final"];

    /// <summary>The columns of <c>contrasts.csv</c> after the point's coordinates (point, parameters).</summary>
    public static IReadOnlyList<string> ContrastColumns { get; } = ["arm", "reference_arm", "metric", "difference", "ci_low", "ci_high", "n", "arm_reached", "reference_reached", "bound"];

    /// <summary>
    /// Writes every table, <c>run.json</c> (<paramref name="manifest"/>) and <c>orgchart.json</c>
    /// from the records in the folder, all or none. The tables hold every run recorded here: a
    /// <c>--only</c> or <c>--shard</c> run into a folder that holds more runs adds to it, never
    /// shrinks it.
    /// </summary>
    /// <exception cref="IOException">A file could not be written; nothing was replaced.</exception>
    /// <exception cref="DamagedFileException">A record or org-chart part is damaged (it was damaged after the claim checked it); none was read, nothing was replaced.</exception>
    public void Assemble(Action<TextWriter> manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        RunIdentity identity = RequireIdentity();
        IReadOnlyList<RunCoordinates> runs = RecordedRuns();
        IReadOnlyList<string> coordinates = RunTable.Coordinates(identity.ParameterPaths);
        using var files = new AtomicFileSet(overwrite: true);
        files.Stage(Target(TimeseriesFileName), w => CopyRows(w, [.. coordinates, .. TimeseriesCsv.Columns], runs, c => c.Timeseries));
        files.Stage(Target(OutcomesFileName), w => CopyRows(w, [.. coordinates, .. OutcomesCsv.Columns], runs, c => c.Outcomes));
        files.Stage(Target(LevelsFileName), w => CopyRows(w, [.. coordinates, .. LevelsCsv.Columns], runs, c => c.Levels));
        files.Stage(Target(RunsFileName), w => WriteRuns(w, identity, runs));
        files.Stage(Target(SummaryFileName), w => WriteSummaries(w, identity, runs));
        files.Stage(Target(ContrastsFileName), w => WriteContrasts(w, identity, runs));
        files.Stage(Target(ManifestFileName), manifest);
        OrgChart? chart = ReadOrgChartParts(RunsFolder, identity.Arms.Count);
        if (chart is not null)
        {
            files.Stage(Target(OrgChartFileName), w => w.Write(chart.ToJson()));
        }

        files.Commit();
        RemoveReport(); // Drawn from the tables just replaced; DrawReport draws it anew when asked.
        if (chart is null)
        {
            File.Delete(Target(OrgChartFileName)); // Never leave a chart of other runs beside these tables.
        }
    }

    /// <summary>The org chart of every arm whose part is in <paramref name="runsFolder"/>, combined in arm order; null if none.</summary>
    private static OrgChart? ReadOrgChartParts(string runsFolder, int arms) =>
        OrgChart.Combine(Enumerable.Range(0, arms).Select(a => OrgChart.ReadFile(OrgChartPartPath(runsFolder, a))).OfType<OrgChart>().ToList());

    private string Target(string name) => System.IO.Path.Combine(Path, name);

    private void CopyRows(TextWriter writer, IReadOnlyList<string> header, IReadOnlyList<RunCoordinates> runs, Func<RunRecord.Contents, IReadOnlyList<string>> section)
    {
        using (CsvWriter csv = CsvFormat.Writer(writer))
        {
            RunTable.WriteHeader(csv, header);
        }

        foreach (RunCoordinates run in runs)
        {
            foreach (string line in section(RunRecord.Read(RecordPath(run), run)))
            {
                writer.Write(line);
                writer.Write('\n');
            }
        }
    }

    /// <summary><c>runs.csv</c>: one row per run, its coordinates, seed and every metric; metric columns are the union over runs, in order.</summary>
    private void WriteRuns(TextWriter writer, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        var names = new List<string>();
        foreach (RunCoordinates run in runs)
        {
            foreach (var (name, _) in ReadMetrics(run).Metrics)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, [.. RunTable.Coordinates(identity.ParameterPaths), "seed", .. names]);
        foreach (RunCoordinates run in runs)
        {
            RunRecord.Contents record = ReadMetrics(run);
            var values = record.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            RunTable.Row(csv, Prefix(identity, run), [record.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. names.Select(n => CsvFormat.Number(values.GetValueOrDefault(n)))]);
        }
    }

    /// <summary><c>summary.csv</c>: per point and arm, every metric's mean and 95% interval over replicates.</summary>
    private void WriteSummaries(TextWriter writer, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, ["point", .. identity.ParameterPaths, .. SummaryCsv.Columns]);
        foreach (var group in runs.GroupBy(r => (r.Point, r.Arm)))
        {
            var metrics = group.Select(r => ReadMetrics(r).Metrics).ToList();
            foreach (SummaryRow row in SummaryBuilder.ForGroup(identity.Arms[group.Key.Arm], metrics))
            {
                SummaryCsv.WriteRow(csv, PointFields(identity, group.Key.Point), row);
            }
        }
    }

    /// <summary>
    /// <c>contrasts.csv</c>: per point, each arm against the first (the reference) on the paired
    /// differences of <see cref="ContrastMetrics"/>, replicate by replicate. Arms of a replicate share
    /// its organisation, seed agents and random numbers, so the pairing removes most of the noise.
    /// For a "weeks to" metric the row also says how many paired runs of each arm reached the
    /// threshold and what the difference is (<see cref="ContrastBound"/>): a run that never reached
    /// it counts as H + 1 weeks, so the difference is then only a bound, or nothing at all.
    /// </summary>
    private void WriteContrasts(TextWriter writer, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, ["point", .. identity.ParameterPaths, .. ContrastColumns]);
        foreach (var point in runs.GroupBy(r => r.Point))
        {
            var values = point.ToDictionary(r => (r.Arm, r.Replicate), r => ReadMetrics(r).Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            for (int arm = 1; arm < identity.Arms.Count; arm++)
            {
                foreach (string metric in ContrastMetrics)
                {
                    string? reachedMetric = metric.StartsWith("weeks_to_", StringComparison.Ordinal) ? "reached_" + metric["weeks_to_".Length..] : null;
                    var differences = new List<double>();
                    int armReached = 0, referenceReached = 0;
                    for (int r = 0; r < identity.Replicates; r++)
                    {
                        if (values.TryGetValue((arm, r), out var a) && values.TryGetValue((0, r), out var b) && a.GetValueOrDefault(metric) is double x && b.GetValueOrDefault(metric) is double y)
                        {
                            differences.Add(x - y);
                            if (reachedMetric is not null)
                            {
                                armReached += a.GetValueOrDefault(reachedMetric) is > 0.5 ? 1 : 0;
                                referenceReached += b.GetValueOrDefault(reachedMetric) is > 0.5 ? 1 : 0;
                            }
                        }
                    }

                    if (differences.Count == 0)
                    {
                        continue; // Neither this arm nor the reference ran at this point (a shard or --only).
                    }

                    ContrastBound bound = reachedMetric is null ? ContrastBound.Exact : ContrastBounds.Of(armReached, referenceReached, differences.Count);
                    Estimate d = bound == ContrastBound.Undefined ? new Estimate(null, null, null, differences.Count) : ConfidenceIntervals.StudentMean(differences);
                    RunTable.Row(csv, PointFields(identity, point.Key), identity.Arms[arm], identity.Arms[0], metric,
                        CsvFormat.Number(d.Mean), CsvFormat.Number(d.Low), CsvFormat.Number(d.High), RunTable.Invariant(d.N),
                        reachedMetric is null ? string.Empty : RunTable.Invariant(armReached),
                        reachedMetric is null ? string.Empty : RunTable.Invariant(referenceReached),
                        ContrastBounds.Name(bound));
                }
            }
        }
    }

    private static string[] PointFields(RunIdentity identity, int point) => [RunTable.Invariant(point), .. identity.Points[point]];
}
