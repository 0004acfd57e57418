using System.Globalization;
using OrgSim.Core.Graph;
using Spectre.Console;

namespace OrgSim.Cli.Commands;

/// <summary>The statistics <c>orgsim graph --stats</c> prints: plain tables, readable in a terminal and in a log file.</summary>
internal static class GraphStatsTable
{
    public static void Print(TextWriter stdout, string name, GraphStatisticsReport r)
    {
        bool terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 120;
        }

        var facts = new Table().Border(TableBorder.Rounded).Title($"Organisation of '{Markup.Escape(name)}'")
            .AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        Row(facts, "agents", N(r.NodeCount));
        Row(facts, "ties", N(r.TieCount));
        foreach (TieTypeCount t in r.TiesByType.Where(t => t.Ties > 0))
        {
            Row(facts, $"  {t.Name} ties", N(t.Ties));
        }

        DegreeSummary d = r.Degrees;
        Row(facts, "contacts per agent (min / median / mean / p90 / max)", $"{d.Min} / {d.Median} / {d.Mean.ToString("F2", CultureInfo.InvariantCulture)} / {d.Percentile90} / {d.Max}");
        Row(facts, "agents per level (top first)", string.Join(" / ", r.AgentsPerLevel.Select(N)));
        Row(facts, "teams (smallest / mean / largest size)", $"{N(r.TeamCount)} ({r.SmallestTeam} / {r.MeanTeamSize.ToString("F1", CultureInfo.InvariantCulture)} / {r.LargestTeam})");
        Row(facts, "clustering coefficient" + Sampled(r.ClusteringSampled, r.ClusteringAgents, "agents"), r.Clustering.ToString("F3", CultureInfo.InvariantCulture));
        Row(facts, "connected components (largest)", $"{N(r.ComponentCount)} ({N(r.LargestComponent)})");
        Row(facts, "mean shortest path, ties" + Sampled(r.PathSampled, r.PathSources, "sources"), r.MeanPathLength.ToString("F2", CultureInfo.InvariantCulture));
        console.Write(facts);

        var central = new Table().Border(TableBorder.Rounded).Title("Most central agents")
            .AddColumn("rank").AddColumn("by contacts").AddColumn(new TableColumn("contacts").RightAligned())
            .AddColumn("by betweenness" + Sampled(r.BetweennessSampled, r.BetweennessSources, "sources")).AddColumn(new TableColumn("betweenness").RightAligned());
        for (int i = 0; i < Math.Max(r.TopByDegree.Count, r.TopByBetweenness.Count); i++)
        {
            CentralAgent? byDegree = i < r.TopByDegree.Count ? r.TopByDegree[i] : null;
            CentralAgent? byBetweenness = i < r.TopByBetweenness.Count ? r.TopByBetweenness[i] : null;
            central.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(byDegree?.Name ?? string.Empty),
                byDegree is null ? string.Empty : N((long)byDegree.Value),
                Markup.Escape(byBetweenness?.Name ?? string.Empty),
                byBetweenness is null ? string.Empty : byBetweenness.Value.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(central);
    }

    private static void Row(Table table, string measure, string value) => table.AddRow(Markup.Escape(measure), Markup.Escape(value));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Sampled(bool sampled, int count, string what) => sampled ? $" (sampled: {count:N0} {what})" : string.Empty;
}
