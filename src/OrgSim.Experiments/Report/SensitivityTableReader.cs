using OrgSim.Experiments.Output;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Reads <c>sensitivity.csv</c> back into one analysis per output, in the file's order, for the
/// report's charts and sentences; every field is checked as it is read, so a damaged file is named
/// with its line.
/// </summary>
internal static class SensitivityTableReader
{
    /// <summary>The analyses in <paramref name="folder"/>'s sensitivity.csv; empty when the folder has none.</summary>
    /// <exception cref="DamagedFileException">The file is damaged.</exception>
    public static IReadOnlyList<OutputAnalysis> Load(string folder, IReadOnlyList<string> arms)
    {
        string path = Path.Combine(folder, ResultsFolder.SensitivityFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        string header = File.ReadLines(path).FirstOrDefault() ?? string.Empty;
        bool morris = header.TrimStart('\uFEFF') == string.Join(',', SensitivityCsv.MorrisColumns);
        List<TableRow> rows = TableFile.Rows(path, morris ? SensitivityCsv.MorrisColumns : SensitivityCsv.SobolColumns).ToList();
        var analyses = new List<OutputAnalysis>();
        foreach (var group in rows.GroupBy(r => r.Text(0)))
        {
            TableRow first = group.First();
            var (output, problem) = SensitivityOutput.Parse(first.Text(0), arms);
            if (output is null)
            {
                throw new DamagedFileException(path, first.Line, $"output is '{first.Text(0)}': {problem}");
            }

            int points = first.Whole(morris ? 9 : 11, 1, int.MaxValue);
            int size = first.Whole(morris ? 8 : 10, 1, int.MaxValue);
            if (first.Text(1).Length == 0)
            {
                string note = first.Text(first.Fields.Length - 1);
                bool constant = note.StartsWith(SensitivityCsv.ConstantNote, StringComparison.Ordinal);
                double mean = constant && note.IndexOf('(', StringComparison.Ordinal) is int open and > 0 && note.IndexOf(')', open) is int close and > 0
                    && double.TryParse(note.AsSpan(open + 1, close - open - 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double m) ? m : double.NaN;
                int undefined = constant ? 0 : int.TryParse(note.Split(' ').ElementAtOrDefault(3), System.Globalization.CultureInfo.InvariantCulture, out int u) ? u : points;
                analyses.Add(new OutputAnalysis(output, null, null, undefined, mean, constant ? 0 : double.NaN));
                continue;
            }

            analyses.Add(morris
                ? new OutputAnalysis(output, new MorrisAnalysis(group.Select(r => new MorrisIndices(r.Text(1), r.Number(4), r.Number(3), r.Number(5))).ToList(), size, points), null, 0, double.NaN, double.NaN) { NoiseMuStar = first.MaybeNumber(7) ?? double.NaN }
                : new OutputAnalysis(output, null, new SobolAnalysis(group.Select(r => new SobolIndices(r.Text(1), new IndexEstimate(r.Number(3), r.Number(4), r.Number(5)), new IndexEstimate(r.Number(6), r.Number(7), r.Number(8)))).ToList(), size, points, 0, double.NaN), 0, double.NaN, double.NaN));
        }

        return analyses;
    }
}
