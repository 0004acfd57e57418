using System.Globalization;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Deck;

/// <summary>
/// A chart's one-line takeaway for its slide title, from summary.csv at the first sweep point:
/// "Top-down reaches 98% by week 104; bottom-up 22%". Null for a chart without one, whose slide is
/// titled with the chart's own title.
/// </summary>
public static class Takeaway
{
    /// <summary>The takeaway of the chart written to <paramref name="fileName"/>, or null.</summary>
    public static string? For(string fileName, ResultTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var arms = tables.Arms.Where(a => tables.Summary.Any(r => r.Point == 0 && r.Arm == a)).ToList();
        if (arms.Count == 0)
        {
            return null;
        }

        return fileName switch
        {
            AdoptionChart.FileName => Join(arms, (arm, first) => tables.Stat(0, arm, "competent_share_final")?.Mean is double share
                ? first ? $"{Capital(arm)} reaches {PlainNumbers.WholePercent(share)} by week {tables.HorizonWeeks}" : $"{arm} {PlainNumbers.WholePercent(share)}"
                : null),
            WeeksToChart.FileName => Join(arms, (arm, first) => WeeksTo50(tables, arm) is { } weeks ? (first ? Capital(arm) + " reaches 50% " : arm + " ") + weeks : null),
            RetentionChart.FileName => Join(arms, (arm, first) => tables.Stat(0, arm, "retention")?.Mean is double kept
                ? (first ? $"Competence kept {tables.RetentionWeeks} weeks after training: " : string.Empty) + $"{arm} {PlainNumbers.WholePercent(kept)}"
                : null),
            LevelsChart.FileName => Levels(tables, arms),
            _ => Stages(fileName, tables, arms),
        };
    }

    /// <summary>"Decisiveness competent by week 104: top-down 98%; bottom-up 22%" for a stages chart, from the arm's stage shares at the horizon; null for any other file.</summary>
    private static string? Stages(string fileName, ResultTables tables, List<string> arms)
    {
        int competency = Enumerable.Range(0, ResultTables.CompetencyNames.Count).FirstOrDefault(c => StagesChart.FileName(c) == fileName, -1);
        if (competency < 0)
        {
            return null;
        }

        return Join(arms, (arm, first) => Series(tables, arm)?.StageShares is { } stages && competency < stages.Count && stages[competency].Count > 0
            ? (first ? $"{Capital(ResultTables.CompetencyNames[competency])} competent by week {tables.HorizonWeeks}: " : string.Empty)
                + $"{arm} {PlainNumbers.WholePercent(stages[competency][^1].Skip(2).Sum())}"
            : null);
    }

    /// <summary>"By week 104, level 0 / level 4 competent: top-down 100% / 53%; bottom-up 2% / 12%" — the top and the bottom level at the horizon.</summary>
    private static string? Levels(ResultTables tables, List<string> arms) =>
        Join(arms, (arm, first) => Series(tables, arm)?.LevelShares is { Count: > 0 } weeks && weeks[^1] is { Count: >= 2 } levels
            ? (first ? $"By week {tables.HorizonWeeks}, level 0 / level {levels.Count - 1} competent: " : string.Empty)
                + $"{arm} {PlainNumbers.WholePercent(levels[0])} / {PlainNumbers.WholePercent(levels[^1])}"
            : null);

    private static ArmSeries? Series(ResultTables tables, string arm) =>
        tables.Series.Where(s => s.Arm == arm).OrderBy(s => s.Point).FirstOrDefault();

    /// <summary>When the arm reaches 50%: "in 64 weeks", "not within two years", or, when only some runs do, "in 12 of 20 runs".</summary>
    private static string? WeeksTo50(ResultTables tables, string arm)
    {
        if (tables.HalfwayReach(0, arm) is not var (reached, n, mean))
        {
            return null;
        }

        return reached >= n ? $"in {Math.Round(mean, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} weeks"
            : reached == 0 ? $"not {PlainNumbers.Within(tables.HorizonWeeks)}"
            : $"in {reached} of {n} runs";
    }

    /// <summary>The arms' phrases joined by "; ", null when any arm has none (a takeaway that leaves an arm out would mislead).</summary>
    private static string? Join(List<string> arms, Func<string, bool, string?> phrase)
    {
        var parts = arms.Select((arm, i) => phrase(arm, i == 0)).ToList();
        return parts.Any(p => p is null) ? null : string.Join("; ", parts);
    }


    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
