using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class SpreadPhasesTests
{
    [Fact]
    public void Find_StartsMidAndLateWithTheFirstWeekThatBeginsAtHalfAndNineTenthsOfWhatTheSpreadAdded()
    {
        // Seeded 0.1, ends at 0.9: week 4 brings 0.5, so mid is week 5; week 7 brings 0.85 ≥ 0.82, so late is week 8.
        double[] shares = [0.1, 0.1, 0.2, 0.4, 0.5, 0.7, 0.81, 0.85, 0.9, 0.9];

        Assert.Equal(new SpreadPhases(1, 5, 8, true), SpreadPhases.Find(shares, 5));
    }

    [Fact]
    public void Find_IsRelativeToWhereTheRunEnded_SoACascadeThatStopsEarlyHasAllThreePhases()
    {
        // A classic cascade that stalls at 0.30 of the pairs after four weeks: mid from ≥ 0.175, late from ≥ 0.275.
        double[] shares = [0.05, 0.12, 0.2, 0.28, 0.3, 0.3, 0.3, 0.3, 0.3];

        Assert.Equal(new SpreadPhases(1, 3, 4, true), SpreadPhases.Find(shares, 5));
    }

    [Fact]
    public void Find_CountsAShareThatDippedBeforeRising_FromTheFirstWeekThatReachesTheMark()
    {
        // With learning, seeded stage-2 agents can forget before the spread takes off.
        double[] shares = [0.05, 0.04, 0.03, 0.3, 0.6, 0.9, 1.0];

        // Late needs 0.05 + 0.9 × 0.95 = 0.905, not 0.9: only the last week brings it, so late is the week after the run.
        Assert.Equal(new SpreadPhases(1, 5, 7, true), SpreadPhases.Find(shares, 3));
    }

    [Theory]
    [InlineData(new[] { 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05 }, 5, 6)]
    [InlineData(new[] { 0.05, 0.04, 0.03 }, 1, 1)]
    [InlineData(new[] { 0.05, 0.05, 0.05, 0.05, 0.05 }, 2, 2)] // Four quiet weeks: late is never before mid.
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
