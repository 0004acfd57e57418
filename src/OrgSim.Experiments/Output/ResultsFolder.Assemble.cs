using CsvHelper;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Sensitivity;
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
    public static IReadOnlyList<string> ContrastMetrics { get; } = ["weeks_to_50pct", "competent_share_final", "retention"];

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
    /// <returns>The sensitivity analysis of every output, when the runs are a sensitivity design's and all were here; else null.</returns>
    public IReadOnlyList<OutputAnalysis>? Assemble(Action<TextWriter> manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        RunIdentity identity = RequireIdentity();
        IReadOnlyList<RunCoordinates> runs = RecordedRuns();
        using var files = new AtomicFileSet(overwrite: true, Journal);

        // Each record is read, and so checked, twice in all: once whole for the per-week tables, once
        // for its metrics, a point at a time, for the statistics.
        var metricNames = new List<string>();
        DesignOutputCollector? design = identity.Sensitivity is { } spec ? new DesignOutputCollector(spec, identity.Arms, identity.Points.Count, identity.Replicates) : null;
        files.Stage([Target(TimeseriesFileName), Target(OutcomesFileName), Target(LevelsFileName)], w => CopyRows(w, identity, runs, metricNames));
        files.Stage([Target(RunsFileName), Target(SummaryFileName), Target(ContrastsFileName)], w => WriteStatistics(w, identity, runs, metricNames, design));
        files.Stage(Target(ManifestFileName), manifest);

        // The analysis needs every point: a shard's folder has none (merge the shards to get it).
        IReadOnlyList<OutputAnalysis>? analyses = design?.Analyse();
        if (analyses is not null)
        {
            long allRuns = (long)identity.Points.Count * identity.Arms.Count * identity.Replicates;
            files.Stage(Target(SensitivityFileName), w => SensitivityCsv.Write(w, identity.Sensitivity!, analyses, allRuns));
            files.Stage(Target(DesignFileName), w => DesignCsv.Write(w, identity.Sensitivity!, identity.Points, design!));
        }

        OrgChart? chart = ReadOrgChartParts(RunsFolder, identity.Arms.Count);
        if (chart is not null)
        {
            files.Stage(Target(OrgChartFileName), w => w.Write(chart.ToJson()));
        }

        files.Commit();
        if (analyses is null)
        {
            // Never leave an analysis of other runs beside these tables.
            File.Delete(Target(SensitivityFileName));
            File.Delete(Target(DesignFileName));
        }

        RemoveReport(); // Drawn from the tables just replaced; DrawReport draws it anew when asked.
        if (chart is null)
        {
            File.Delete(Target(OrgChartFileName)); // Never leave a chart of other runs beside these tables.
        }

        return analyses;
    }

    /// <summary>The org chart of every arm whose part is in <paramref name="runsFolder"/>, combined in arm order; null if none.</summary>
    private static OrgChart? ReadOrgChartParts(string runsFolder, int arms) =>
        OrgChart.Combine(Enumerable.Range(0, arms).Select(a => OrgChart.ReadFile(OrgChartPartPath(runsFolder, a))).OfType<OrgChart>().ToList());

    private string Target(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// <c>timeseries.csv</c>, <c>outcomes.csv</c> and <c>levels.csv</c> (<paramref name="tables"/>, in
    /// that order): every record's rows, in canonical order; and into <paramref name="metricNames"/>
    /// the union of the metrics' names over runs, in order, for the columns of <c>runs.csv</c>.
    /// </summary>
    private void CopyRows(IReadOnlyList<TextWriter> tables, RunIdentity identity, IReadOnlyList<RunCoordinates> runs, List<string> metricNames)
    {
        IReadOnlyList<string> coordinates = RunTable.Coordinates(identity.ParameterPaths);
        IReadOnlyList<string>[] columns = [TimeseriesCsv.Columns, OutcomesCsv.Columns, LevelsCsv.Columns];
        for (int t = 0; t < tables.Count; t++)
        {
            using CsvWriter csv = CsvFormat.Writer(tables[t]);
            RunTable.WriteHeader(csv, [.. coordinates, .. columns[t]]);
        }

        foreach (RunCoordinates run in runs)
        {
            RunRecord.Contents record = RunRecord.Read(RecordPath(run), run);
            IReadOnlyList<string>[] sections = [record.Timeseries, record.Outcomes, record.Levels];
            for (int t = 0; t < tables.Count; t++)
            {
                foreach (string line in sections[t])
                {
                    tables[t].Write(line);
                    tables[t].Write('\n');
                }
            }

            foreach (var (name, _) in record.Metrics)
            {
                if (!metricNames.Contains(name))
                {
                    metricNames.Add(name);
                }
            }
        }
    }

    /// <summary>
    /// <c>runs.csv</c>, <c>summary.csv</c> and <c>contrasts.csv</c> (<paramref name="tables"/>, in that
    /// order), a point at a time: only one point's metrics are held.
    /// </summary>
    /// <param name="design">Takes each point's metrics for a sensitivity analysis, or null.</param>
    private void WriteStatistics(IReadOnlyList<TextWriter> tables, RunIdentity identity, IReadOnlyList<RunCoordinates> runs, IReadOnlyList<string> metricNames, DesignOutputCollector? design)
    {
        using CsvWriter runsCsv = CsvFormat.Writer(tables[0]), summaryCsv = CsvFormat.Writer(tables[1]), contrastsCsv = CsvFormat.Writer(tables[2]);
        RunTable.WriteHeader(runsCsv, [.. RunTable.Coordinates(identity.ParameterPaths), "seed", .. metricNames]);
        RunTable.WriteHeader(summaryCsv, ["point", .. identity.ParameterPaths, .. SummaryCsv.Columns]);
        RunTable.WriteHeader(contrastsCsv, ["point", .. identity.ParameterPaths, .. ContrastColumns]);
        foreach (var point in runs.GroupBy(r => r.Point))
        {
            var records = point.Select(r => (Run: r, Record: ReadMetrics(r))).ToList();
            foreach (var (run, record) in records)
            {
                WriteRun(runsCsv, identity, run, record, metricNames);
            }

            foreach (var arm in records.GroupBy(r => r.Run.Arm))
            {
                WriteSummaries(summaryCsv, identity, point.Key, arm.Key, arm.Select(r => r.Record.Metrics).ToList());
                design?.AddArm(point.Key, arm.Key, arm.Select(r => r.Record.Metrics).ToList());
            }

            WriteContrasts(contrastsCsv, identity, point.Key, records);
        }
    }

    /// <summary>One row of <c>runs.csv</c>: the run's coordinates, seed and every metric; metric columns are the union over runs, in order.</summary>
    private static void WriteRun(CsvWriter csv, RunIdentity identity, RunCoordinates run, RunRecord.Contents record, IReadOnlyList<string> metricNames)
    {
        var values = record.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        RunTable.Row(csv, Prefix(identity, run), [record.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. metricNames.Select(n => CsvFormat.Number(values.GetValueOrDefault(n)))]);
    }

    /// <summary>The rows of <c>summary.csv</c> for one point and arm: every metric's mean and 95% interval over replicates.</summary>
    private static void WriteSummaries(CsvWriter csv, RunIdentity identity, int point, int arm, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> metrics)
    {
        foreach (SummaryRow row in SummaryBuilder.ForGroup(identity.Arms[arm], metrics))
        {
            SummaryCsv.WriteRow(csv, PointFields(identity, point), row);
        }
    }

    /// <summary>
    /// The rows of <c>contrasts.csv</c> for one point: each arm against the first (the reference) on
    /// the paired differences of <see cref="ContrastMetrics"/>, replicate by replicate. Arms of a replicate share
    /// its organisation, seed agents and random numbers, so the pairing removes most of the noise.
    /// For a "weeks to" metric the row also says how many paired runs of each arm reached the
    /// threshold and what the difference is (<see cref="ContrastBound"/>): a run that never reached
    /// it counts as H + 1 weeks, so the difference is then only a bound, or nothing at all.
    /// </summary>
    private static void WriteContrasts(CsvWriter csv, RunIdentity identity, int point, IReadOnlyList<(RunCoordinates Run, RunRecord.Contents Record)> records)
    {
        var values = records.ToDictionary(r => (r.Run.Arm, r.Run.Replicate), r => r.Record.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
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
                RunTable.Row(csv, PointFields(identity, point), identity.Arms[arm], identity.Arms[0], metric,
                    CsvFormat.Number(d.Mean), CsvFormat.Number(d.Low), CsvFormat.Number(d.High), RunTable.Invariant(d.N),
                    reachedMetric is null ? string.Empty : RunTable.Invariant(armReached),
                    reachedMetric is null ? string.Empty : RunTable.Invariant(referenceReached),
                    ContrastBounds.Name(bound));
            }
        }
    }

    private static string[] PointFields(RunIdentity identity, int point) => [RunTable.Invariant(point), .. identity.Points[point]];
}
