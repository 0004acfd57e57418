using System.Globalization;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Statistics;

/// <summary>
/// Turns the runs of an experiment into the rows of <c>summary.csv</c>, arm by arm in scenario
/// order, metrics in a fixed order.
/// </summary>
/// <remarks>
/// A run that never reaches a threshold has no "weeks to" value. Rather than drop it silently
/// or invent a value, each threshold gets two rows: <c>weeks_to_50pct</c> averages the runs
/// that reached 50% (its <c>n</c> is how many did), and <c>reached_50pct</c> gives the share
/// of all runs that reached it, with a Wilson interval and <c>n</c> equal to all runs.
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
                List<double> weeks = runs.Select(r => r.Series.FirstTickReaching(threshold))
                    .Where(t => t.HasValue).Select(t => (double)t!.Value).ToList();
                rows.Add(new SummaryRow(arm.Name, $"weeks_to_{pct}", ConfidenceIntervals.StudentMean(weeks)));
                rows.Add(new SummaryRow(arm.Name, $"reached_{pct}", ConfidenceIntervals.WilsonProportion(weeks.Count, runs.Count)));
            }
        }

        return rows;
    }
}
