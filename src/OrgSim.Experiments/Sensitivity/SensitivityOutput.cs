using System.Text.RegularExpressions;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// One output a sensitivity analysis explains: a metric of <c>summary.csv</c> in one arm,
/// <c>competent_share_final[top-down]</c>, or the contrast of two arms,
/// <c>competent_share_final[bottom-up] - competent_share_final[top-down]</c>. Its value at a design
/// point is the mean over the point's replicates (for a contrast, the mean of the paired
/// differences, which with every replicate present is the difference of the means).
/// </summary>
/// <param name="Metric">The metric of the first term.</param>
/// <param name="Arm">The arm of the first term.</param>
/// <param name="MinusMetric">The metric subtracted, or null for a single term.</param>
/// <param name="MinusArm">The arm of the subtracted term, or null.</param>
public sealed partial record SensitivityOutput(string Metric, string Arm, string? MinusMetric = null, string? MinusArm = null)
{
    /// <summary>How the output is named in files and messages, with an ASCII minus.</summary>
    public string Label => MinusMetric is null ? $"{Metric}[{Arm}]" : $"{Metric}[{Arm}] - {MinusMetric}[{MinusArm}]";

    /// <summary>
    /// The output as a chart title names it: <c>competent_share_final: bottom-up − top-down</c> for a
    /// contrast of one metric, <c>weeks_to_50pct in top-down</c> for a single term.
    /// </summary>
    public string Title => MinusMetric is null ? $"{Metric} in {Arm}"
        : MinusMetric == Metric ? $"{Metric}: {Arm} \u2212 {MinusArm}"
        : $"{Metric}[{Arm}] \u2212 {MinusMetric}[{MinusArm}]";

    /// <summary>The (metric, arm) terms it reads: one or two.</summary>
    public IEnumerable<(string Metric, string Arm)> Terms() =>
        MinusMetric is null ? [(Metric, Arm)] : [(Metric, Arm), (MinusMetric, MinusArm!)];

    /// <summary>
    /// Reads <paramref name="text"/> against the scenario's arms; a mistake is one sentence saying
    /// what to write instead. A minus may be written '-' or '−' (U+2212), with or without spaces.
    /// </summary>
    public static (SensitivityOutput? Output, string? Problem) Parse(string text, IReadOnlyList<string> arms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(arms);
        Match match = Expression().Match(text.Replace('\u2212', '-'));
        if (!match.Success)
        {
            return (null, $"output '{text}' should be METRIC[ARM] or METRIC[ARM1] - METRIC[ARM2], e.g. competent_share_final[bottom-up] - competent_share_final[top-down]");
        }

        var terms = new List<(string Metric, string Arm)> { (match.Groups["m1"].Value, match.Groups["a1"].Value.Trim()) };
        if (match.Groups["m2"].Success)
        {
            terms.Add((match.Groups["m2"].Value, match.Groups["a2"].Value.Trim()));
        }

        foreach (var (metric, arm) in terms)
        {
            if (MetricProblem(metric) is { } problem)
            {
                return (null, $"output '{text}': {problem}");
            }

            if (!arms.Contains(arm, StringComparer.Ordinal))
            {
                string? near = NameSuggester.Suggest(arm, arms);
                return (null, $"output '{text}' names arm '{arm}', which the scenario does not have; its arms are {string.Join(", ", arms)}" + (near is null ? string.Empty : $" (did you mean '{near}'?)"));
            }
        }

        if (terms.Count == 2 && terms[0] == terms[1])
        {
            return (null, $"output '{text}' subtracts a term from itself, which is 0 everywhere; name two arms or two metrics");
        }

        return terms.Count == 1
            ? (new SensitivityOutput(terms[0].Metric, terms[0].Arm), null)
            : (new SensitivityOutput(terms[0].Metric, terms[0].Arm, terms[1].Metric, terms[1].Arm), null);
    }

    /// <summary>The metrics of <c>summary.csv</c> an output may name; per-level and per-competency shares follow patterns.</summary>
    public static IReadOnlyList<string> KnownMetrics { get; } =
    [
        "competent_share_final", "adoption_share_final",
        "competent_share_final_decisiveness", "competent_share_final_circularity", "competent_share_final_pacing", "competent_share_final_feedforward",
        "weeks_to_50pct", "reached_50pct", "weeks_to_90pct", "reached_90pct", "weeks_to_quiescence", "reached_quiescence",
        "effectiveness_agent_final", "effectiveness_team_final", "front_mean_final", "front_max_final", "retention",
    ];

    private static string? MetricProblem(string metric)
    {
        if (KnownMetrics.Contains(metric, StringComparer.Ordinal) || LevelMetric().IsMatch(metric))
        {
            return null;
        }

        string? near = NameSuggester.Suggest(metric, KnownMetrics);
        return $"unknown metric '{metric}'; use a metric of summary.csv such as competent_share_final, weeks_to_50pct or competent_share_final_level_0" + (near is null ? string.Empty : $" (did you mean '{near}'?)");
    }

    /// <inheritdoc/>
    public override string ToString() => Label;

    [GeneratedRegex(@"^\s*(?<m1>[a-z0-9_]+)\s*\[(?<a1>[^\[\]]+)\]\s*(?:-\s*(?<m2>[a-z0-9_]+)\s*\[(?<a2>[^\[\]]+)\]\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    [GeneratedRegex(@"^competent_share_final_level_\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelMetric();
}
