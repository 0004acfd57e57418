using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;
using Spectre.Console;

namespace OrgSim.Cli.Commands;

/// <summary>The short terminal table <c>orgsim run</c> prints: one row per arm, the headline metrics with 95% intervals.</summary>
internal static class SummaryTable
{
    /// <summary>Prints what a finished run shows: its sensitivity analysis, or a table per point shown and how many more there are.</summary>
    public static void PrintAll(TextWriter stdout, OrgSim.Experiments.Jobs.RunOutcome outcome)
    {
        if (outcome.Sensitivity is { } sensitivity)
        {
            SensitivityTable.Print(stdout, sensitivity);
        }

        foreach (OrgSim.Experiments.Jobs.PointSummary summary in outcome.Summaries)
        {
            Print(stdout, summary.Spec, summary.Rows, summary.Title);
        }

        if (outcome.PointsNotShown > 0)
        {
            stdout.WriteLine($"… and {outcome.PointsNotShown} more points: see summary.csv and contrasts.csv.");
        }

        // The report's answer in words, crossovers included, so the terminal says what the table cannot.
        if (outcome.KeyMessage.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Join(" ", outcome.KeyMessage));
        }
    }

    /// <summary>Prints the table of one point's rows.</summary>
    public static void Print(TextWriter stdout, ScenarioSpec spec, IReadOnlyList<SummaryRow> rows, string? title = null)
    {
        IAnsiConsole console = Terminal.Console(stdout);
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Terminal.Markup(title));
        }

        table.AddColumn("arm")
            .AddColumn(new TableColumn("competent at end").RightAligned())
            .AddColumn(new TableColumn("weeks to 50%").RightAligned())
            .AddColumn(new TableColumn("weeks to 90%").RightAligned());
        foreach (ArmSpec arm in spec.Arms.Where(a => rows.Any(r => r.Arm == a.Name)))
        {
            Estimate Get(string metric) => Stored(rows.First(r => r.Arm == arm.Name && r.Metric == metric).Estimate);
            table.AddRow(
                Terminal.Text(arm.Name),
                new Text(Share(Get("competent_share_final"))),
                new Text(Weeks(Get("weeks_to_50pct"), Get("reached_50pct"), spec.HorizonWeeks)),
                new Text(Weeks(Get("weeks_to_90pct"), Get("reached_90pct"), spec.HorizonWeeks)));
        }

        // A shard or --only holds fewer runs than the scenario's replicates: say how many the table holds.
        int[] held = rows.Where(r => r.Metric == "competent_share_final").Select(r => r.Estimate.N).DefaultIfEmpty(spec.Replicates).ToArray();
        string replicates = held.Min() == spec.Replicates ? Replicates(spec.Replicates)
            : held.Min() == held.Max() ? $"{held.Min()} of {Replicates(spec.Replicates)}" : $"{held.Min()}–{held.Max()} of {Replicates(spec.Replicates)}";
        // One run per arm has no interval: the cells show its value alone, and the caption says so.
        string shown = held.Max() < 2 ? "one run, so no 95% CI" : "mean [95% CI]";
        table.Caption(Markup.Escape($"{shown}, {replicates}; (a/b): runs that reached it"));
        console.Write(table);
    }

    /// <summary>
    /// The estimate as summary.csv stores it (six decimals), which the report reads: rounding the
    /// unrounded mean could print 83.7 here where the report prints 83.8 for a stored 0.837500.
    /// </summary>
    private static Estimate Stored(Estimate e)
    {
        static double? Round(double? v) => v is { } x ? double.Parse(CsvFormat.Number(x), CultureInfo.InvariantCulture) : null;
        return e with { Mean = Round(e.Mean), Low = Round(e.Low), High = Round(e.High) };
    }

    private static string Replicates(int n) => n == 1 ? "1 replicate" : $"{n} replicates";

    private static string Share(Estimate e) =>
        e.Mean is not { } m ? "-" : e.Low is { } lo && e.High is { } hi
            ? $"{PlainNumbers.OneDecimal(m * 100)}% [{PlainNumbers.OneDecimal(lo * 100)}, {PlainNumbers.OneDecimal(hi * 100)}]"
            : $"{PlainNumbers.OneDecimal(m * 100)}%";

    /// <summary>
    /// The weeks to a threshold: the mean and interval with "(20/20)" when every run got there;
    /// otherwise in how many runs it was not reached within the horizon ("not within two years in 18
    /// of 20"), since runs that did not get there have no time and a mean counting them as week H + 1
    /// would lie beyond the horizon.
    /// </summary>
    private static string Weeks(Estimate weeks, Estimate reached, int horizon)
    {
        int hits = (int)Math.Round((reached.Mean ?? 0) * reached.N, MidpointRounding.AwayFromZero);
        string within = PlainNumbers.Within(horizon);
        if (hits == 0 || weeks.Mean is not { } m)
        {
            return reached.N == 1 ? $"not {within}" : $"not {within} in any run";
        }

        if (hits < reached.N)
        {
            return string.Create(CultureInfo.InvariantCulture, $"not {within} in {reached.N - hits} of {reached.N}");
        }

        string count = string.Create(CultureInfo.InvariantCulture, $"({hits}/{reached.N})");
        return weeks.Low is { } lo && weeks.High is { } hi
            ? $"{PlainNumbers.OneDecimal(m)} [{PlainNumbers.OneDecimal(lo)}, {PlainNumbers.OneDecimal(hi)}] {count}"
            : $"{PlainNumbers.OneDecimal(m)} {count}";
    }
}
