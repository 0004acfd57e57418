using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class SpreadPhasesTests
{
    [Fact]
    public void Find_PlacesMidAndLateAtHalfAndNineTenthsOfWhatTheSpreadAdded()
    {
        // Seeded 0.1, ends at 0.9: mid at the first week with ≥ 0.5, late at the first with ≥ 0.82.
        double[] shares = [0.1, 0.1, 0.2, 0.4, 0.5, 0.7, 0.81, 0.85, 0.9, 0.9];

        Assert.Equal(new SpreadPhases(1, 4, 7, true), SpreadPhases.Find(shares, 5));
    }

    [Fact]
    public void Find_IsRelativeToWhereTheRunEnded_SoACascadeThatStopsEarlyHasAllThreePhases()
    {
        // A classic cascade that stalls at 0.30 of the pairs after four weeks: mid at ≥ 0.175, late at ≥ 0.275.
        double[] shares = [0.05, 0.12, 0.2, 0.28, 0.3, 0.3, 0.3, 0.3, 0.3];

        Assert.Equal(new SpreadPhases(1, 2, 3, true), SpreadPhases.Find(shares, 5));
    }

    [Fact]
    public void Find_CountsAShareThatDippedBeforeRising_FromTheFirstWeekThatReachesTheMark()
    {
        // With learning, seeded stage-2 agents can forget before the spread takes off.
        double[] shares = [0.05, 0.04, 0.03, 0.3, 0.6, 0.9, 1.0];

        Assert.Equal(new SpreadPhases(1, 4, 6, true), SpreadPhases.Find(shares, 3)); // late needs 0.05 + 0.9 × 0.95 = 0.905: not 0.9
    }

    [Theory]
    [InlineData(new[] { 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05 }, 5, 6)]
    [InlineData(new[] { 0.05, 0.04, 0.03 }, 1, 1)]
    public void Find_WithoutSpread_TakesTheStartTheMiddleAndTheEndOfTheRun(double[] shares, int mid, int late)
    {
        Assert.Equal(new SpreadPhases(1, mid, late, false), SpreadPhases.Find(shares, 5));
    }

    [Fact]
    public void Find_NeedsAtLeastOneWeek()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpreadPhases.Find([0.05], 5));
    }
}
