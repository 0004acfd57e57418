using CsvHelper;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Writes the output tables from run records, reading the records in canonical order (point, arm,
/// replicate) so the files are the same however the runs were executed, resumed, sharded or
/// merged. Only one point's records are held at a time (for its summary and contrasts).
/// </summary>
public static class ResultAssembler
{
    /// <summary>The files the assembler writes (besides <c>run.json</c>, which the command writes).</summary>
    public static IReadOnlyList<string> Files { get; } = ["timeseries.csv", "outcomes.csv", "levels.csv", "runs.csv", "summary.csv", "contrasts.csv"];

    /// <summary>The metrics compared between arms in <c>contrasts.csv</c>.</summary>
    public static IReadOnlyList<string> ContrastMetrics { get; } = ["weeks_to_50pct", "competent_share_final"];

    /// <summary>Stages every table of <paramref name="runs"/> (in canonical order) into <paramref name="files"/> under <paramref name="outputFolder"/>.</summary>
    public static void Stage(AtomicFileSet files, string outputFolder, string runsFolder, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(identity);
        IReadOnlyList<string> coordinates = RunTable.Coordinates(identity.ParameterPaths);
        files.Stage(Path.Combine(outputFolder, "timeseries.csv"), w => CopyRows(w, [.. coordinates, .. TimeseriesCsv.Columns], runsFolder, runs, c => c.Timeseries));
        files.Stage(Path.Combine(outputFolder, "outcomes.csv"), w => CopyRows(w, [.. coordinates, .. OutcomesCsv.Columns], runsFolder, runs, c => c.Outcomes));
        files.Stage(Path.Combine(outputFolder, "levels.csv"), w => CopyRows(w, [.. coordinates, .. LevelsCsv.Columns], runsFolder, runs, c => c.Levels));
        files.Stage(Path.Combine(outputFolder, "runs.csv"), w => WriteRuns(w, runsFolder, identity, runs));
        files.Stage(Path.Combine(outputFolder, "summary.csv"), w => WriteSummaries(w, runsFolder, identity, runs));
        files.Stage(Path.Combine(outputFolder, "contrasts.csv"), w => WriteContrasts(w, runsFolder, identity, runs));
        if (Reporting.OrgChartFiles.Combine(runsFolder, identity.Arms.Count) is { } chart)
        {
            files.Stage(Path.Combine(outputFolder, Reporting.OrgChart.FileName), w => w.Write(chart.ToJson()));
        }
    }

    private static void CopyRows(TextWriter writer, IReadOnlyList<string> header, string runsFolder, IReadOnlyList<RunCoordinates> runs, Func<RunRecord.Contents, IReadOnlyList<string>> section)
    {
        using (CsvWriter csv = CsvFormat.Writer(writer))
        {
            RunTable.WriteHeader(csv, header);
        }

        foreach (RunCoordinates run in runs)
        {
            foreach (string line in section(RunRecord.Read(runsFolder, run)))
            {
                writer.Write(line);
                writer.Write('\n');
            }
        }
    }

    /// <summary><c>runs.csv</c>: one row per run, its coordinates, seed and every metric; metric columns are the union over runs, in order.</summary>
    private static void WriteRuns(TextWriter writer, string runsFolder, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        var names = new List<string>();
        foreach (RunCoordinates run in runs)
        {
            foreach (var (name, _) in RunRecord.ReadMetrics(runsFolder, run).Metrics)
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
            RunRecord.Contents record = RunRecord.ReadMetrics(runsFolder, run);
            var values = record.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            RunTable.Row(csv, Prefix(identity, run), [record.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. names.Select(n => CsvFormat.Number(values.GetValueOrDefault(n)))]);
        }
    }

    /// <summary><c>summary.csv</c>: per point and arm, every metric's mean and 95% interval over replicates.</summary>
    private static void WriteSummaries(TextWriter writer, string runsFolder, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, ["point", .. identity.ParameterPaths, .. SummaryCsv.Columns]);
        foreach (var group in runs.GroupBy(r => (r.Point, r.Arm)))
        {
            var metrics = group.Select(r => RunRecord.ReadMetrics(runsFolder, r).Metrics).ToList();
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
    /// </summary>
    private static void WriteContrasts(TextWriter writer, string runsFolder, RunIdentity identity, IReadOnlyList<RunCoordinates> runs)
    {
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, ["point", .. identity.ParameterPaths, "arm", "reference_arm", "metric", "difference", "ci_low", "ci_high", "n"]);
        foreach (var point in runs.GroupBy(r => r.Point))
        {
            var values = point.ToDictionary(r => (r.Arm, r.Replicate), r => RunRecord.ReadMetrics(runsFolder, r).Metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            for (int arm = 1; arm < identity.Arms.Count; arm++)
            {
                foreach (string metric in ContrastMetrics)
                {
                    var differences = new List<double>();
                    for (int r = 0; r < identity.Replicates; r++)
                    {
                        if (values.TryGetValue((arm, r), out var a) && values.TryGetValue((0, r), out var b) && a.GetValueOrDefault(metric) is double x && b.GetValueOrDefault(metric) is double y)
                        {
                            differences.Add(x - y);
                        }
                    }

                    if (differences.Count == 0)
                    {
                        continue; // Neither this arm nor the reference ran at this point (a shard or --only).
                    }

                    Estimate d = ConfidenceIntervals.StudentMean(differences);
                    RunTable.Row(csv, PointFields(identity, point.Key), identity.Arms[arm], identity.Arms[0], metric,
                        CsvFormat.Number(d.Mean), CsvFormat.Number(d.Low), CsvFormat.Number(d.High), RunTable.Invariant(d.N));
                }
            }
        }
    }

    private static string[] PointFields(RunIdentity identity, int point) => [RunTable.Invariant(point), .. identity.Points[point]];

    /// <summary>The leading fields of a run's rows.</summary>
    public static string[] Prefix(RunIdentity identity, RunCoordinates run)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return RunTable.Prefix(run.Point, identity.Points[run.Point], identity.Arms[run.Arm], run.Replicate);
    }
}
