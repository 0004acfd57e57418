using OrgSim.Experiments.Calibration;

namespace OrgSim.Experiments.Tests.Calibration;

public class PosteriorSummaryTests
{
    [Fact]
    public void Of_GivesTheWeightedMeanAndTheInverseOfTheWeightedDistributionFunction()
    {
        // Values 1..4 with weights 0.01, 0.49, 0.3, 0.2: cumulative 0.01, 0.5, 0.8, 1.0.
        double[] values = [3, 1, 4, 2];
        double[] weights = [0.3, 0.01, 0.2, 0.49];
        AbcParticle[] population = values.Select((v, i) => new AbcParticle(i, [0.5], [v], 0, weights[i])).ToArray();

        PosteriorSummary summary = PosteriorSummary.Of("x", population, 0);

        Assert.Equal((1 * 0.01) + (2 * 0.49) + (3 * 0.3) + (4 * 0.2), summary.Mean, 12);
        Assert.Equal(2, summary.Lower);  // 0.025 is first reached at 2
        Assert.Equal(2, summary.Median); // 0.5 is reached exactly at 2
        Assert.Equal(4, summary.Upper);
        Assert.Equal("x", summary.Name);
    }
}
