using System.Text.Json;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Report;

/// <summary>Reads an output folder into <see cref="ResultTables"/>: parses the CSV files and averages over replicates.</summary>
internal static class ResultTablesReader
{
    private const int Competencies = 4, Stages = 4;

    public static ResultTables Load(string folder)
    {
        JsonElement manifest = Required(folder, ResultsFolder.ManifestFileName, () => ResultTables.Manifest(folder));
        var parameters = manifest.GetProperty("sweep").GetProperty("parameters").EnumerateArray().Select(e => e.GetString()!).ToList();
        var points = manifest.GetProperty("sweep").GetProperty("points").EnumerateArray()
            .Select(p => (IReadOnlyList<string>)p.EnumerateArray().Select(v => v.GetString()!).ToList()).ToList();
        var arms = manifest.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        int horizon = manifest.GetProperty("horizon_weeks").GetInt32();
        int k = parameters.Count; // columns after point and before arm

        // Per (point, arm): per replicate, per week, the counts of each competency's stages.
        var runs = new Dictionary<(int Point, string Arm), Dictionary<int, int[,,]>>();
        foreach (string[] f in Rows(folder, ResultsFolder.TimeseriesFileName))
        {
            int point = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), replicate = Int(f[k + 2]), tick = Int(f[k + 3]);
            string arm = f[k + 1];
            int c = ResultTables.CompetencyNames.ToList().IndexOf(f[k + 4]);
            if (!runs.TryGetValue((point, arm), out var byReplicate))
            {
                runs[(point, arm)] = byReplicate = [];
            }

            if (!byReplicate.TryGetValue(replicate, out int[,,]? counts))
            {
                byReplicate[replicate] = counts = new int[horizon + 1, Competencies, Stages];
            }

            for (int s = 0; s < Stages; s++)
            {
                counts[tick, c, s] = Int(f[k + 5 + s]);
            }
        }

        var levels = Aggregate(Rows(folder, ResultsFolder.LevelsFileName), k, f => (Int(f[k + 3]), Int(f[k + 4]), ResultTables.Parse(f[k + 6])));
        var outcomes = Rows(folder, ResultsFolder.OutcomesFileName).GroupBy(f => (Int(f[0]), f[k + 1])).ToDictionary(
            g => g.Key,
            g => g.GroupBy(f => Int(f[k + 3])).OrderBy(t => t.Key).Select(t => (
                Front: MeanOf(t.Select(f => f[k + 7])), Max: MeanOf(t.Select(f => f[k + 8])), Effectiveness: MeanOf(t.Select(f => f[k + 5])))).ToList());

        var series = new List<ArmSeries>();
        foreach (var ((point, arm), byReplicate) in runs.OrderBy(r => r.Key.Point).ThenBy(r => arms.IndexOf(r.Key.Arm)))
        {
            var replicates = byReplicate.Values.ToList();
            int agents = Enumerable.Range(0, Stages).Sum(s => replicates[0][0, 0, s]);
            var competent = new List<Band>();
            var stageShares = Enumerable.Range(0, Competencies).Select(_ => new List<IReadOnlyList<double>>()).ToList();
            for (int t = 0; t <= horizon; t++)
            {
                List<double> shares = replicates.Select(r => Enumerable.Range(0, Competencies).Sum(c => r[t, c, 2] + r[t, c, 3]) / (double)Math.Max(1, agents * Competencies)).ToList();
                Estimate e = ConfidenceIntervals.StudentMean(shares);
                competent.Add(new Band(e.Mean ?? 0, e.Low ?? e.Mean ?? 0, e.High ?? e.Mean ?? 0));
                for (int c = 0; c < Competencies; c++)
                {
                    stageShares[c].Add(Enumerable.Range(0, Stages).Select(s => replicates.Average(r => r[t, c, s]) / Math.Max(1, agents)).ToList());
                }
            }

            var o = outcomes.GetValueOrDefault((point, arm)) ?? [];
            series.Add(new ArmSeries(
                point, arm, replicates.Count, competent, stageShares.Select(s => (IReadOnlyList<IReadOnlyList<double>>)s).ToList(),
                levels.GetValueOrDefault((point, arm)) ?? [],
                o.Select(x => x.Front).ToList(), o.Select(x => x.Max).ToList(), o.Select(x => x.Effectiveness).ToList()));
        }

        return new ResultTables
        {
            Name = manifest.GetProperty("name").GetString() ?? string.Empty,
            Description = manifest.GetProperty("description").GetString() ?? string.Empty,
            Question = manifest.TryGetProperty("question", out JsonElement q) ? q.GetString() ?? string.Empty : string.Empty,
            HorizonWeeks = horizon,
            Arms = arms,
            ParameterPaths = parameters,
            Points = points,
            Series = series,
            Summary = Rows(folder, ResultsFolder.SummaryFileName).Select(f => new StatRow(Int(f[0]), f[k + 1], f[k + 2], Maybe(f[k + 3]), Maybe(f[k + 4]), Maybe(f[k + 5]), Int(f[k + 6]))).ToList(),
            Contrasts = Rows(folder, ResultsFolder.ContrastsFileName).Select(f => new StatRow(Int(f[0]), f[k + 1], f[k + 3], Maybe(f[k + 4]), Maybe(f[k + 5]), Maybe(f[k + 6]), Int(f[k + 7]), f[k + 2])).ToList(),
        };
    }

    /// <summary>levels.csv averaged over replicates: per (point, arm), per week, per level.</summary>
    private static Dictionary<(int, string), IReadOnlyList<IReadOnlyList<double>>> Aggregate(IEnumerable<string[]> rows, int k, Func<string[], (int Tick, int Level, double Share)> read) =>
        rows.GroupBy(f => (Int(f[0]), f[k + 1])).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<IReadOnlyList<double>>)g.Select(read).GroupBy(x => x.Tick).OrderBy(t => t.Key)
                .Select(t => (IReadOnlyList<double>)t.GroupBy(x => x.Level).OrderBy(l => l.Key).Select(l => l.Average(x => x.Share)).ToList()).ToList());

    private static double MeanOf(IEnumerable<string> values)
    {
        List<double> defined = values.Where(v => v.Length > 0).Select(ResultTables.Parse).ToList();
        return defined.Count == 0 ? double.NaN : defined.Average();
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static double? Maybe(string text) => text.Length == 0 ? null : ResultTables.Parse(text);

    /// <summary>The data rows of a CSV the project wrote (fields never hold line breaks; quoted fields are unquoted, text marked against formulas restored).</summary>
    private static List<string[]> Rows(string folder, string file) =>
        Required(folder, file, () => File.ReadLines(Path.Combine(folder, file)).Skip(1).Where(l => l.Length > 0).Select(Split).ToList());

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(CsvFormat.Restore(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(CsvFormat.Restore(current.ToString()));
        return [.. fields];
    }

    private static T Required<T>(string folder, string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"{Path.Combine(folder, file)} is missing; run the scenario with 'orgsim run' first, or name a folder it wrote");
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new IOException($"{Path.Combine(folder, file)} is not a file orgsim wrote, or was edited ({e.Message}); rerun the scenario to write it again");
        }
    }
}
