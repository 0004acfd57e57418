using System.Globalization;
using OrgSim.Core.Agents;
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
            int censoredAt = result.Scenario.HorizonWeeks + 1;
            rows.Add(new SummaryRow(arm.Name, "competent_share_final",
                ConfidenceIntervals.StudentMean(runs.Select(r => r.Series.CompetentShare(r.Series.RecordedTicks - 1)).ToList())));
            rows.Add(new SummaryRow(arm.Name, "adoption_share_final",
                ConfidenceIntervals.StudentMean(runs.Select(r => AdoptionShare(r, arm.Seeding.Competencies)).ToList())));
            foreach (double threshold in Thresholds)
            {
                string pct = ((int)Math.Round(threshold * 100)).ToString(CultureInfo.InvariantCulture) + "pct";
                List<int?> firstTicks = runs.Select(r => r.Series.FirstTickReaching(threshold)).ToList();
                List<double> weeks = firstTicks.Select(t => (double)(t ?? censoredAt)).ToList();
                rows.Add(new SummaryRow(arm.Name, $"weeks_to_{pct}", ConfidenceIntervals.StudentMean(weeks)));
                rows.Add(new SummaryRow(arm.Name, $"reached_{pct}", ConfidenceIntervals.WilsonProportion(firstTicks.Count(t => t.HasValue), runs.Count)));
            }

            rows.Add(new SummaryRow(arm.Name, "weeks_to_quiescence",
                ConfidenceIntervals.StudentMean(runs.Select(r => (double)(r.QuiescenceTick ?? censoredAt)).ToList())));
            rows.Add(new SummaryRow(arm.Name, "reached_quiescence",
                ConfidenceIntervals.WilsonProportion(runs.Count(r => r.QuiescenceTick.HasValue), runs.Count)));
        }

        return rows;
    }

    /// <summary>At the horizon, the share of agents at stage 2 or 3 in the competencies the arm seeded, averaged over them.</summary>
    private static double AdoptionShare(RunResult run, CompetencySet seeded)
    {
        int tick = run.Series.RecordedTicks - 1;
        List<Competency> competencies = Competencies.All.Where(seeded.Contains).ToList();
        if (competencies.Count == 0 || run.Series.AgentCount == 0)
        {
            return 0;
        }

        double competent = competencies.Sum(c =>
            run.Series.Count(tick, c, Stage.ConsciousCompetence) + run.Series.Count(tick, c, Stage.UnconsciousCompetence));
        return competent / ((double)run.Series.AgentCount * competencies.Count);
    }
}
