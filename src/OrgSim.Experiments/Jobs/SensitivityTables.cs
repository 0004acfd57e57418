using System.Globalization;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim sensitivity</c> prints: per output, a table of the parameters, most influential first, and the sentence that reads it.</summary>
public static class SensitivityTables
{
    /// <summary>One table and one sentence per output of <paramref name="summary"/>.</summary>
    public static IReadOnlyList<(TextTable Table, string Finding)> Build(SensitivitySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var tables = new List<(TextTable, string)>();
        foreach (OutputAnalysis analysis in summary.Analyses)
        {
            string title = analysis.Output.Label;
            TextTable table = analysis switch
            {
                { Morris: { } morris } => new TextTable(
                    $"{title}: Morris, {morris.Trajectories} trajectories, {morris.Evaluations:N0} points",
                    ["parameter", "μ*", "μ", "σ"],
                    [false, true, true, true],
                    morris.RankedByMuStar().Select(i => (IReadOnlyList<string>)[i.Parameter, F(i.MuStar), F(i.Mu), F(i.Sigma)]).ToList()),
                { Sobol: { } sobol } => new TextTable(
                    $"{title}: Sobol', N = {sobol.BaseSamples:N0}, {sobol.Evaluations:N0} points",
                    ["parameter", "S1 [95% CI]", "ST [95% CI]"],
                    [false, true, true],
                    sobol.Indices.OrderByDescending(i => i.Total.Value).Select(i => (IReadOnlyList<string>)[i.Parameter, Interval(i.First), Interval(i.Total)]).ToList()),
                _ => new TextTable(title, ["parameter"], [false], []),
            };
            tables.Add((table, SensitivityFindings.Sentence(analysis)));
        }

        return tables;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Interval(IndexEstimate e) => $"{F(e.Value)} [{F(e.Low)}, {F(e.High)}]";
}
