using System.Globalization;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// One sentence per output naming the parameters that decide it, for the terminal and the report.
/// The thresholds are conventions, stated in docs/analysis.md: with Morris a parameter "decides"
/// when its μ* is at least a fifth of the largest and "hardly moves" the output below a twentieth;
/// a parameter whose μ* is below the noise floor of the replicates (<see cref="OutputAnalysis.NoiseMuStar"/>)
/// cannot be told from no effect, so it counts as hardly moving the output too;
/// with Sobol' it decides when its total index is at least 0.1, and can be fixed when the upper end
/// of its total index's 95% interval is below 0.05. At most <see cref="MostNamed"/> deciding
/// parameters are named, the rest counted, so the sentence stays one a workshop can read.
/// </summary>
public static class SensitivityFindings
{
    /// <summary>μ* at least this share of the largest: a deciding parameter.</summary>
    public const double DecidingShare = 0.5;

    /// <summary>The most deciding parameters a sentence names.</summary>
    public const int MostNamed = 4;

    /// <summary>μ* below this share of the largest: a parameter that hardly moves the output.</summary>
    public const double InertShare = 0.05;

    /// <summary>A total index at least this large: a deciding parameter.</summary>
    public const double DecidingTotal = 0.1;

    /// <summary>The upper end of a total index's interval below this: a parameter that can be fixed.</summary>
    public const double FixableTotal = 0.05;

    /// <summary>The sentence for <paramref name="analysis"/>.</summary>
    public static string Sentence(OutputAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        string output = analysis.Output.Label;
        if (analysis.Morris is { } morris)
        {
            return Morris(output, morris, analysis.NoiseMuStar);
        }

        if (analysis.Sobol is { } sobol)
        {
            return Sobol(output, sobol);
        }

        if (analysis.IsConstant)
        {
            return $"{output} was the same at every design point ({F(analysis.Mean)}): none of the parameters moved it within its range.";
        }

        return $"{output} has no value at {analysis.UndefinedPoints} design points (its metric is undefined in some replicate there), so it is not analysed; choose a metric every run has.";
    }

    private static string Morris(string output, MorrisAnalysis morris, double analysisNoise)
    {
        IReadOnlyList<MorrisIndices> ranked = morris.RankedByMuStar();
        double largest = ranked[0].MuStar;
        if (largest <= 0)
        {
            return $"{output} was the same at every design point: none of the parameters moved it within its range.";
        }

        var deciding = ranked.Where(i => i.MuStar >= DecidingShare * largest).ToList();
        // Below the noise floor an effect cannot be told from the replicates' Monte Carlo error.
        double floor = double.IsFinite(analysisNoise) ? Math.Max(InertShare * largest, analysisNoise) : InertShare * largest;
        var inert = ranked.Where(i => i.MuStar < floor).ToList();
        string named = List(deciding.Take(MostNamed).Select(i => $"{i.Parameter} (μ* {F(i.MuStar)}{Direction(i)})"));
        if (deciding.Count > MostNamed)
        {
            named += $", then {deciding.Count - MostNamed} more above half the largest μ*";
        }

        string sentence = $"{output} is decided mostly by {named}";
        if (deciding.Take(MostNamed).FirstOrDefault(i => i.Sigma > i.MuStar) is { } interacting)
        {
            sentence += $"; the effect of {interacting.Parameter} depends on where the others are (σ {F(interacting.Sigma)} > μ*)";
        }

        if (inert.Count > 0)
        {
            string them = inert.Count == 1 ? "it hardly moves it and can be fixed" : "they hardly move it and can be fixed";
            sentence += $"; {List(inert.Select(i => i.Parameter))}: {them} anywhere in {(inert.Count == 1 ? "its range" : "their ranges")}";
        }

        if (double.IsFinite(analysisNoise) && ranked.Any(i => i.MuStar >= floor))
        {
            sentence += $" (noise in the replicates alone would give μ* up to {F(analysisNoise)})";
        }

        return sentence + ".";
    }

    private static string Sobol(string output, SobolAnalysis sobol)
    {
        var ranked = sobol.Indices.OrderByDescending(i => i.Total.Value).ToList();
        var deciding = ranked.Where(i => i.Total.Value >= DecidingTotal).ToList();
        var fixable = ranked.Where(i => i.Total.High < FixableTotal).ToList();
        string sentence = deciding.Count == 0
            ? $"No parameter explains as much as {P(DecidingTotal)} of the variance of {output}"
            : $"Of the variance of {output}, " + List(deciding.Take(MostNamed).Select(Share));
        if (deciding.Count > MostNamed)
        {
            sentence += $", then {deciding.Count - MostNamed} more with a total index of at least {F(DecidingTotal)}";
        }

        // What the first-order indices leave unexplained is the parameters' interactions.
        double alone = sobol.Indices.Sum(i => i.First.Value);
        if (alone < 0.7 && deciding.Count > 0)
        {
            sentence += $"; the parameters alone explain about {P(Math.Max(0, alone))} of it, so interactions explain the rest";
        }

        if (fixable.Count > 0)
        {
            sentence += $"; {List(fixable.Select(i => i.Parameter))} can be fixed (total index below {F(FixableTotal)} with 95% confidence)";
        }

        return sentence + ".";

        // A first-order index whose interval holds 0 is no share the runs can tell apart from none.
        static string Share(SobolIndices i) => i.First.Low <= 0
            ? $"{i.Parameter} explains {P(i.Total.Value)} with its interactions and nothing alone that can be told from none (S1 {F(i.First.Value)}, 95% CI {F(i.First.Low)} to {F(i.First.High)})"
            : $"{i.Parameter} explains {P(i.First.Value)} alone (95% CI {P(i.First.Low)}–{P(i.First.High)}) and {P(i.Total.Value)} with its interactions";
    }

    /// <summary>Which way the output moves as the parameter rises, when its effects mostly agree in sign.</summary>
    private static string Direction(MorrisIndices i) =>
        Math.Abs(i.Mu) < 0.8 * i.MuStar ? ", either way" : i.Mu > 0 ? ", higher raises it" : ", higher lowers it";

    private static string List(IEnumerable<string> items)
    {
        List<string> all = items.ToList();
        return all.Count switch
        {
            0 => "none",
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1],
        };
    }

    private static string F(double value) => value.ToString(Math.Abs(value) >= 10 ? "0.0" : "0.000", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage, clipped to 0–100%: an index is a share of variance, and a bootstrap end beyond it only says the interval is wide.</summary>
    private static string P(double share) => (Math.Clamp(share, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
