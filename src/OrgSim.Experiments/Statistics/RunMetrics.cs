using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Statistics;

/// <summary>
/// The headline numbers of one run, in a fixed order: what <c>runs.csv</c> lists per run and what
/// <c>summary.csv</c> averages over replicates. A value is null where it is undefined for the run
/// (no competent agent for the spread front, a retention week past the horizon).
/// </summary>
public static class RunMetrics
{
    /// <summary>The competent-share thresholds reported as "weeks to" and "reached" metrics.</summary>
    public static IReadOnlyList<double> Thresholds { get; } = [0.5, 0.9];

    /// <summary>The metrics of <paramref name="run"/>, an arm seeding <paramref name="seeded"/>, over a horizon of <paramref name="horizon"/> weeks.</summary>
    /// <remarks>
    /// A run that never reaches a threshold within the horizon H is censored: <c>weeks_to_X</c> is
    /// H + 1 and <c>reached_X</c> 0, so every run counts and the mean is a restricted mean.
    /// </remarks>
    public static IReadOnlyList<KeyValuePair<string, double?>> Of(RunResult run, CompetencySet seeded, int horizon)
    {
        ArgumentNullException.ThrowIfNull(run);
        var metrics = new List<KeyValuePair<string, double?>>();
        void Add(string name, double? value) => metrics.Add(new(name, value is double v && double.IsNaN(v) ? null : value));

        StageSeries series = run.Series;
        int last = series.RecordedTicks - 1;
        int censoredAt = horizon + 1;
        Add("competent_share_final", series.CompetentShare(last));
        Add("adoption_share_final", AdoptionShare(series, seeded));
        foreach (Competency c in Competencies.All)
        {
            Add($"competent_share_final_{Competencies.Name(c)}", CompetentShare(series, c));
        }

        foreach (double threshold in Thresholds)
        {
            string pct = ((int)Math.Round(threshold * 100)).ToString(CultureInfo.InvariantCulture) + "pct";
            int? first = series.FirstTickReaching(threshold);
            Add($"weeks_to_{pct}", first ?? censoredAt);
            Add($"reached_{pct}", first.HasValue ? 1 : 0);
        }

        Add("weeks_to_quiescence", run.QuiescenceTick ?? censoredAt);
        Add("reached_quiescence", run.QuiescenceTick.HasValue ? 1 : 0);
        if (run.Outcomes is { } o)
        {
            int t = o.RecordedTicks - 1;
            Add("effectiveness_agent_final", o.EffectivenessAgentMean(t));
            Add("effectiveness_team_final", o.EffectivenessTeamMean(t));
            Add("front_mean_final", o.FrontMean(t));
            Add("front_max_final", o.FrontMax(t) < 0 ? null : o.FrontMax(t));
            Add("retention", run.Retained);
            for (int level = 0; level < o.LevelCount; level++)
            {
                Add($"competent_share_final_level_{level.ToString(CultureInfo.InvariantCulture)}", o.LevelCompetentShare(t, level));
            }
        }

        return metrics;
    }

    /// <summary>Whether <paramref name="metric"/> is a share, in [0, 1] by definition: its interval is kept inside that range.</summary>
    public static bool IsShare(string metric) =>
        metric.StartsWith("competent_share_", StringComparison.Ordinal) || metric.StartsWith("adoption_share_", StringComparison.Ordinal) || metric == "retention";

    /// <summary>Whether <paramref name="metric"/> is a yes/no per run, summarised as a proportion with a Wilson interval.</summary>
    public static bool IsProportion(string metric) => metric.StartsWith("reached_", StringComparison.Ordinal);

    private static double CompetentShare(StageSeries series, Competency competency)
    {
        int tick = series.RecordedTicks - 1;
        return series.AgentCount == 0 ? 0 :
            (series.Count(tick, competency, Stage.ConsciousCompetence) + series.Count(tick, competency, Stage.UnconsciousCompetence)) / (double)series.AgentCount;
    }

    /// <summary>At the horizon, the share of agents at stage 2 or 3 in the competencies the arm seeded, averaged over them.</summary>
    private static double AdoptionShare(StageSeries series, CompetencySet seeded)
    {
        List<Competency> competencies = Competencies.All.Where(seeded.Contains).ToList();
        return competencies.Count == 0 || series.AgentCount == 0 ? 0 : competencies.Average(c => CompetentShare(series, c));
    }
}
