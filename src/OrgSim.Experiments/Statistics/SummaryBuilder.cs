using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Metrics;
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
                ConfidenceIntervals.StudentMean(runs.Select(r => AdoptionShare(r, arm.SeededCompetencies)).ToList())));
            foreach (Competency c in Competencies.All)
            {
                rows.Add(new SummaryRow(arm.Name, $"competent_share_final_{Competencies.Name(c)}",
                    ConfidenceIntervals.StudentMean(runs.Select(r => CompetentShare(r.Series, c)).ToList())));
            }

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
            AddOutcomes(rows, arm.Name, runs);
        }

        return rows;
    }

    /// <summary>
    /// The rows that need the agents: effectiveness, spread front and competent share by level at
    /// the horizon, and retention. An undefined value (no competent agent for the front, a
    /// retention week past the horizon) leaves its run out, so <c>n</c> counts the runs that have it.
    /// </summary>
    private static void AddOutcomes(List<SummaryRow> rows, string arm, List<RunResult> runs)
    {
        List<OutcomeSeries> outcomes = runs.Select(r => r.Outcomes).OfType<OutcomeSeries>().ToList();
        if (outcomes.Count == 0)
        {
            return;
        }

        Estimate Final(Func<OutcomeSeries, int, double> metric) =>
            ConfidenceIntervals.StudentMean(outcomes.Select(o => metric(o, o.RecordedTicks - 1)).Where(v => !double.IsNaN(v)).ToList());

        rows.Add(new SummaryRow(arm, "effectiveness_agent_final", Final((o, t) => o.EffectivenessAgentMean(t))));
        rows.Add(new SummaryRow(arm, "effectiveness_team_final", Final((o, t) => o.EffectivenessTeamMean(t))));
        rows.Add(new SummaryRow(arm, "front_mean_final", Final((o, t) => o.FrontMean(t))));
        rows.Add(new SummaryRow(arm, "front_max_final", Final((o, t) => o.FrontMax(t) < 0 ? double.NaN : o.FrontMax(t))));
        rows.Add(new SummaryRow(arm, "retention", ConfidenceIntervals.StudentMean(runs.Where(r => r.Retained.HasValue).Select(r => r.Retained!.Value).ToList())));
        int levels = outcomes.Max(o => o.LevelCount);
        for (int level = 0; level < levels; level++)
        {
            int l = level;
            rows.Add(new SummaryRow(arm, $"competent_share_final_level_{l.ToString(CultureInfo.InvariantCulture)}",
                Final((o, t) => l < o.LevelCount ? o.LevelCompetentShare(t, l) : double.NaN)));
        }
    }

    private static double CompetentShare(StageSeries series, Competency competency)
    {
        int tick = series.RecordedTicks - 1;
        return series.AgentCount == 0 ? 0 :
            (series.Count(tick, competency, Stage.ConsciousCompetence) + series.Count(tick, competency, Stage.UnconsciousCompetence)) / (double)series.AgentCount;
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
