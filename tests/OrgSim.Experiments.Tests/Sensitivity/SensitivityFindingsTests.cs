using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

/// <summary>The sentence per output follows the conventions docs/analysis.md states.</summary>
public class SensitivityFindingsTests
{
    private static readonly SensitivityOutput Gap = new("competent_share_final", "bottom-up", "competent_share_final", "top-down");

    private static OutputAnalysis Morris(double noise, params MorrisIndices[] indices) =>
        new(Gap, new MorrisAnalysis(indices, 10, 40), null, 0, 0, 1) { NoiseMuStar = noise };

    [Fact]
    public void Morris_NamesTheDeciding_TheirDirection_AndWhatCanBeFixed()
    {
        string sentence = SensitivityFindings.Sentence(Morris(
            0.02,
            new MorrisIndices("a", 0.40, 0.40, 0.1),
            new MorrisIndices("b", -0.05, 0.30, 0.5),
            new MorrisIndices("c", 0.10, 0.10, 0.05),
            new MorrisIndices("d", 0.01, 0.015, 0.01)));

        Assert.Equal(
            "competent_share_final[bottom-up] - competent_share_final[top-down] is decided mostly by a (μ* 0.400, higher raises it) and b (μ* 0.300, either way); "
            + "the effect of b depends on where the others are (σ 0.500 > μ*); d: it hardly moves it and can be fixed anywhere in its range (noise in the replicates alone would give μ* up to 0.020).",
            sentence);
    }

    [Fact]
    public void Morris_NamesAtMostFour_AndCountsTheRest()
    {
        MorrisIndices[] six = [.. Enumerable.Range(0, 6).Select(i => new MorrisIndices($"p{i}", -(1.0 - (i * 0.05)), 1.0 - (i * 0.05), 0))];
        string sentence = SensitivityFindings.Sentence(Morris(double.NaN, six));
        Assert.Contains("p3 (μ* 0.850, higher lowers it), then 2 more above half the largest μ*", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("p4 (", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("noise", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Morris_NothingMoved_SaysSo()
    {
        string sentence = SensitivityFindings.Sentence(Morris(0, new MorrisIndices("a", 0, 0, 0), new MorrisIndices("b", 0, 0, 0)));
        Assert.Equal("competent_share_final[bottom-up] - competent_share_final[top-down] was the same at every design point: none of the parameters moved it within its range.", sentence);
    }

    [Fact]
    public void Sobol_TellsAloneFromInteractions_AndWhatCanBeFixed()
    {
        var sobol = new SobolAnalysis(
            [
                new SobolIndices("a", new IndexEstimate(0.30, 0.20, 0.40), new IndexEstimate(0.60, 0.50, 0.70)),
                new SobolIndices("b", new IndexEstimate(0.02, -0.10, 0.15), new IndexEstimate(0.35, 0.25, 0.45)),
                new SobolIndices("c", new IndexEstimate(0.00, -0.01, 0.01), new IndexEstimate(0.01, 0.00, 0.03)),
            ],
            BaseSamples: 64,
            Evaluations: 320,
            Resamples: 1000,
            Variance: 1);
        string sentence = SensitivityFindings.Sentence(new OutputAnalysis(Gap, null, sobol, 0, 0, 1));

        Assert.Equal(
            "Of the variance of competent_share_final[bottom-up] - competent_share_final[top-down], a explains 30% alone (95% CI 20%–40%) and 60% with its interactions "
            + "and b explains 35% with its interactions and nothing alone that can be told from none (S1 0.020, 95% CI -0.100 to 0.150); "
            + "the parameters alone explain about 32% of it, so interactions explain the rest; c can be fixed (total index below 0.050 with 95% confidence).",
            sentence);
    }
}
