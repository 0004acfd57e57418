using System.Globalization;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Statistics;

/// <summary>
/// Turns the runs of an experiment into the rows of <c>summary.csv</c>, arm by arm in scenario
/// order, metrics in a fixed order.
/// </summary>
/// <remarks>
/// A run that never reaches a threshold within the horizon H is censored: it counts in
/// <c>weeks_to_50pct</c> as H + 1 weeks, so every run is in <c>n</c> and the mean is a restricted
/// mean — a lower bound on the true mean whenever some run was censored. <c>reached_50pct</c>
/// reports the share of runs that did reach it (Wilson interval), which says how much
/// censoring there was. Averaging only the runs that reached it instead would drop the slow
/// runs silently and flatter the arm.
/// </remarks>
public static class SummaryBuilder
{
    /// <summary>The competent-share thresholds reported as "weeks to" and "reached" metrics.</summary>
    public static IReadOnlyList<double> Thresholds { get; } = [0.5, 0.9];

    /// <summary>The summary rows of <paramref name="result"/>.</summary>
    public static IReadOnlyList<SummaryRow> Build(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<SummaryRow>();
        foreach (var arm in result.Scenario.Arms)
        {
            List<RunResult> runs = result.Runs.Where(r => r.Arm == arm.Name).ToList();
            rows.Add(new SummaryRow(arm.Name, "competent_share_final",
                ConfidenceIntervals.StudentMean(runs.Select(r => r.Series.CompetentShare(r.Series.RecordedTicks - 1)).ToList())));
            foreach (double threshold in Thresholds)
            {
                string pct = ((int)Math.Round(threshold * 100)).ToString(CultureInfo.InvariantCulture) + "pct";
                List<int?> firstTicks = runs.Select(r => r.Series.FirstTickReaching(threshold)).ToList();
                int censoredAt = result.Scenario.HorizonWeeks + 1;
                List<double> weeks = firstTicks.Select(t => (double)(t ?? censoredAt)).ToList();
                rows.Add(new SummaryRow(arm.Name, $"weeks_to_{pct}", ConfidenceIntervals.StudentMean(weeks)));
                rows.Add(new SummaryRow(arm.Name, $"reached_{pct}", ConfidenceIntervals.WilsonProportion(firstTicks.Count(t => t.HasValue), runs.Count)));
            }
        }

        return rows;
    }
}
