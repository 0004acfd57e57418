using System.Globalization;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim graph --stats</c> prints: the organisation's facts and its most central agents.</summary>
public static class GraphStatisticsTables
{
    /// <summary>The two tables of <paramref name="r"/> for the scenario <paramref name="name"/>.</summary>
    public static IReadOnlyList<TextTable> Build(string name, GraphStatisticsReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var facts = new List<IReadOnlyList<string>>
        {
            Row("agents", N(r.NodeCount)),
            Row("ties", N(r.TieCount)),
        };
        facts.AddRange(r.TiesByType.Where(t => t.Ties > 0).Select(t => Row($"  {t.Name} ties", N(t.Ties))));
        DegreeSummary d = r.Degrees;
        facts.Add(Row("contacts per agent (min / median / mean / p90 / max)", $"{d.Min} / {d.Median} / {d.Mean.ToString("F2", CultureInfo.InvariantCulture)} / {d.Percentile90} / {d.Max}"));
        facts.Add(Row("agents per level (top first)", string.Join(" / ", r.AgentsPerLevel.Select(n => N(n)))));
        facts.Add(Row("teams (smallest / mean / largest size)", $"{N(r.TeamCount)} ({r.SmallestTeam} / {r.MeanTeamSize.ToString("F1", CultureInfo.InvariantCulture)} / {r.LargestTeam})"));
        facts.Add(Row("clustering coefficient" + Sampled(r.ClusteringSampled, r.ClusteringAgents, "agents"), r.Clustering.ToString("F3", CultureInfo.InvariantCulture)));
        facts.Add(Row("connected components (largest)", $"{N(r.ComponentCount)} ({N(r.LargestComponent)})"));
        facts.Add(Row("mean shortest path, ties" + Sampled(r.PathSampled, r.PathSources, "sources"), r.MeanPathLength.ToString("F2", CultureInfo.InvariantCulture)));

        var central = new List<IReadOnlyList<string>>();
        for (int i = 0; i < Math.Max(r.TopByDegree.Count, r.TopByBetweenness.Count); i++)
        {
            CentralAgent? byDegree = i < r.TopByDegree.Count ? r.TopByDegree[i] : null;
            CentralAgent? byBetweenness = i < r.TopByBetweenness.Count ? r.TopByBetweenness[i] : null;
            central.Add([
                (i + 1).ToString(CultureInfo.InvariantCulture),
                byDegree?.Name ?? string.Empty,
                byDegree is null ? string.Empty : N((long)byDegree.Value),
                byBetweenness?.Name ?? string.Empty,
                byBetweenness is null ? string.Empty : byBetweenness.Value.ToString("N0", CultureInfo.InvariantCulture)]);
        }

        return
        [
            new TextTable($"Organisation of '{name}'", ["measure", "value"], [false, true], facts),
            new TextTable("Most central agents", ["rank", "by contacts", "contacts", "by betweenness" + Sampled(r.BetweennessSampled, r.BetweennessSources, "sources"), "betweenness"], [false, false, true, false, true], central),
        ];
    }

    private static IReadOnlyList<string> Row(string measure, string value) => [measure, value];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Sampled(bool sampled, int count, string what) => sampled ? string.Create(CultureInfo.InvariantCulture, $" (sampled: {count:N0} {what})") : string.Empty;
}
