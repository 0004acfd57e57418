using CsvHelper;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>sensitivity.csv</c>: for each output and parameter, the method's measures, most influential
/// first. Morris: μ*, μ, σ and μ* as a share of the output's largest; Sobol': S1 and ST with their
/// bootstrap 95% intervals. Each also says how large the Monte Carlo noise of the replicates is
/// against the effects (<see cref="OutputAnalysis.NoiseMuStar"/>, <see cref="OutputAnalysis.NoiseShare"/>;
/// empty with one replicate). An output that has no value at some design points gets one row that
/// says so instead.
/// </summary>
public static class SensitivityCsv
{
    /// <summary>The columns for a Morris screening.</summary>
    public static IReadOnlyList<string> MorrisColumns { get; } = ["output", "parameter", "rank", "mu_star", "mu", "sigma", "mu_star_relative", "noise_mu_star", "trajectories", "points", "runs", "note"];

    /// <summary>The columns for Sobol' indices.</summary>
    public static IReadOnlyList<string> SobolColumns { get; } = ["output", "parameter", "rank", "s1", "s1_low", "s1_high", "st", "st_low", "st_high", "noise_share", "samples", "points", "runs", "note"];

    /// <summary>The columns for <paramref name="method"/>.</summary>
    public static IReadOnlyList<string> Columns(SensitivityMethod method) => method == SensitivityMethod.Morris ? MorrisColumns : SobolColumns;

    /// <summary>How the note of an output that was the same at every point begins.</summary>
    public const string ConstantNote = "the same at every design point";

    private static string Number(double value) => double.IsFinite(value) ? CsvFormat.Number(value) : string.Empty;

    /// <summary>Writes the table of <paramref name="analyses"/>; <paramref name="runs"/> is every run of the analysis (points × arms × replicates).</summary>
    public static void Write(TextWriter writer, SensitivitySpec spec, IReadOnlyList<OutputAnalysis> analyses, long runs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(analyses);
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, Columns(spec.Method));
        string points = RunTable.Invariant(spec.Points), all = RunTable.Invariant(runs);
        foreach (OutputAnalysis analysis in analyses)
        {
            string output = analysis.Output.Label;
            if (analysis.Morris is { } morris)
            {
                double largest = morris.Indices.Max(i => i.MuStar);
                int rank = 0;
                foreach (MorrisIndices m in morris.RankedByMuStar())
                {
                    RunTable.Row(csv, [output, m.Parameter], RunTable.Invariant(++rank), CsvFormat.Number(m.MuStar), CsvFormat.Number(m.Mu), CsvFormat.Number(m.Sigma),
                        CsvFormat.Number(largest > 0 ? m.MuStar / largest : 0), Number(analysis.NoiseMuStar), RunTable.Invariant(spec.Trajectories), points, all, string.Empty);
                }
            }
            else if (analysis.Sobol is { } sobol)
            {
                int rank = 0;
                foreach (SobolIndices s in sobol.Indices.OrderByDescending(i => i.Total.Value))
                {
                    RunTable.Row(csv, [output, s.Parameter], RunTable.Invariant(++rank),
                        CsvFormat.Number(s.First.Value), CsvFormat.Number(s.First.Low), CsvFormat.Number(s.First.High),
                        CsvFormat.Number(s.Total.Value), CsvFormat.Number(s.Total.Low), CsvFormat.Number(s.Total.High),
                        Number(analysis.NoiseShare), RunTable.Invariant(spec.Samples), points, all, string.Empty);
                }
            }
            else
            {
                string note = analysis.IsConstant
                    ? $"{ConstantNote} ({CsvFormat.Number(analysis.Mean)}); no parameter moved it within its range"
                    : $"no value at {analysis.UndefinedPoints} of {spec.Points} design points (the metric is undefined in some replicate there); choose a metric every run has, such as competent_share_final";
                string[] empty = Enumerable.Repeat(string.Empty, Columns(spec.Method).Count - 6).ToArray();
                RunTable.Row(csv, [output, string.Empty], [.. empty, spec.Method == SensitivityMethod.Morris ? RunTable.Invariant(spec.Trajectories) : RunTable.Invariant(spec.Samples), points, all, note]);
            }
        }
    }
}
