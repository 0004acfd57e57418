using System.Globalization;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Jobs;

/// <summary>The tables of a calibration: its CSV files and the lines printed on the terminal.</summary>
internal static class CalibrationTables
{
    public sealed record ForecastRow(string Arm, string Metric, double? Median, double? Low, double? High, int Runs);

    public static void WriteSummary(TextWriter w, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<PosteriorSummary> summaries, AbcSmcState state)
    {
        w.Write("parameter,estimate,median,low_95,high_95,prior_low,prior_high,prior_scale,ess,note\n");
        for (int k = 0; k < summaries.Count; k++)
        {
            PosteriorSummary s = summaries[k];
            SensitivityParameter p = parameters[k];
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name},{R(s.Mean)},{R(s.Median)},{R(s.Lower)},{R(s.Upper)},{R(p.Low)},{R(p.High)},{(p.Scale == ParameterScale.LogUniform ? "log-uniform" : "uniform")},{state.EffectiveSampleSize:F1},{Note(p, s)}\n"));
        }
    }

    public static void WritePosterior(TextWriter w, IReadOnlyList<string> names, IReadOnlyList<AbcParticle> population)
    {
        w.Write("particle,weight,distance," + string.Join(',', names) + "\n");
        double total = population.Sum(p => p.Weight);
        foreach (AbcParticle particle in population)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{particle.Index},{R(particle.Weight / total)},{R(particle.Distance)}"));
            foreach (double value in particle.Values)
            {
                w.Write(',');
                w.Write(R(value));
            }

            w.Write('\n');
        }
    }

    public static void WriteGenerations(TextWriter w, IReadOnlyList<AbcGeneration> history)
    {
        w.Write("generation,tolerance,runs,accepted,acceptance_rate,rounds,ess\n");
        foreach (AbcGeneration g in history)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{g.Generation},{R(g.Tolerance)},{g.Evaluated},{g.Accepted},{g.AcceptanceRate:F4},{g.Rounds},{g.EffectiveSampleSize:F1}\n"));
        }
    }

    /// <summary>Each arm's metrics over the posterior runs: median and 90% interval.</summary>
    public static List<ForecastRow> Forecast<T>(CalibrationRunner.Batch<T> batch, int points)
    {
        var rows = new List<ForecastRow>();
        for (int a = 0; a < batch.Arms.Count; a++)
        {
            var byMetric = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var order = new List<string>();
            for (int i = 0; i < points; i++)
            {
                foreach (var (metric, value) in batch.Store.Metrics(new RunCoordinates(i, a, 0)))
                {
                    if (!byMetric.TryGetValue(metric, out List<double>? values))
                    {
                        byMetric[metric] = values = [];
                        order.Add(metric);
                    }

                    if (value is double v && double.IsFinite(v))
                    {
                        values.Add(v);
                    }
                }
            }

            foreach (string metric in order)
            {
                List<double> values = [.. byMetric[metric].Order()];
                rows.Add(values.Count == 0
                    ? new ForecastRow(batch.Arms[a], metric, null, null, null, 0)
                    : new ForecastRow(batch.Arms[a], metric, Statistics.SortedQuantile.Type7(values, 0.5), Statistics.SortedQuantile.Type7(values, 0.05), Statistics.SortedQuantile.Type7(values, 0.95), values.Count));
            }
        }

        return rows;
    }

    public static void WriteForecast(TextWriter w, IReadOnlyList<ForecastRow> rows)
    {
        w.Write("arm,metric,median,low_90,high_90,runs\n");
        foreach (ForecastRow r in rows)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{Cell(r.Arm)},{r.Metric},{CsvFormat.Number(r.Median)},{CsvFormat.Number(r.Low)},{CsvFormat.Number(r.High)},{r.Runs}\n"));
        }
    }

    public static IEnumerable<string> SummaryLines(IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<PosteriorSummary> summaries, AbcSmcState state)
    {
        string[] header = ["parameter", "estimate", "median", "95% interval", "prior", "note"];
        List<string[]> rows = [.. summaries.Select((s, k) => new[]
        {
            s.Name, G(s.Mean), G(s.Median), $"{G(s.Lower)} – {G(s.Upper)}", $"{G(parameters[k].Low)} – {G(parameters[k].High)}", Note(parameters[k], s),
        })];
        foreach (string line in Table(header, rows))
        {
            yield return line;
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"Posterior of {state.Population.Count} particles, effective sample size {state.EffectiveSampleSize:F0}; last tolerance {G(state.History[^1].Tolerance)}.");
    }

    public static IEnumerable<string> ForecastLines(IReadOnlyList<ForecastRow> rows)
    {
        string[] wanted = ["competent_share_final", "retention"];
        List<string[]> table = [.. rows.Where(r => wanted.Contains(r.Metric)).Select(r => new[]
        {
            r.Arm, r.Metric, r.Median is double m ? G(m) : "–", r.Low is double l && r.High is double h ? $"{G(l)} – {G(h)}" : "–",
        })];
        yield return "Forecast from the posterior (median and 90% of runs; every metric in forecast.csv):";
        foreach (string line in Table(["arm", "metric", "median", "90% of runs"], table))
        {
            yield return line;
        }
    }

    /// <summary>Whether the 95% interval covers most of the prior (the data say little), or reaches one end of it (the range may be too narrow).</summary>
    internal static string Note(SensitivityParameter p, PosteriorSummary s)
    {
        // An interval over most of the prior is the prior coming back: the data did not move it,
        // and "widen the range" would be the wrong advice even when it touches an end.
        double low = Unit(p, s.Lower), high = Unit(p, s.Upper);
        return (high - low >= 0.8, low < 0.01, high > 0.99) switch
        {
            (true, _, _) => "spans most of the prior: the data say little about it",
            (false, true, _) => "piled at the prior's low end: widen the range",
            (false, false, true) => "piled at the prior's high end: widen the range",
            _ => string.Empty,
        };
    }

    private static double Unit(SensitivityParameter p, double value) => p.Scale == ParameterScale.LogUniform
        ? Math.Log(value / p.Low) / Math.Log(p.High / p.Low)
        : (value - p.Low) / (p.High - p.Low);

    private static List<string> Table(string[] header, List<string[]> rows)
    {
        int[] widths = [.. header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())];
        var lines = new List<string> { "  " + string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd() };
        lines.AddRange(rows.Select(r => "  " + string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()));
        return lines;
    }

    private static string Cell(string text) => text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
