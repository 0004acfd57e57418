using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class SpreadEndTests
{
    [Fact]
    public void Reason_EveryAgentCompetent_EndsTheRun()
    {
        Assert.Equal("every agent competent", SpreadEnd.Reason([0.05, 0.5, 1.0], quietWeeks: 0));
    }

    [Fact]
    public void Reason_QuiescenceCountsOnlyAfterEnoughQuietWeeksInARow()
    {
        double[] shares = [0.05, 0.2, 0.3, 0.3, 0.3, 0.3];

        Assert.Null(SpreadEnd.Reason(shares, SpreadEnd.QuietWeeks - 1));
        Assert.Equal("quiescent", SpreadEnd.Reason(shares, SpreadEnd.QuietWeeks));
    }

    [Fact]
    public void Reason_APlateauIsLessThanATenthOfAPointInAYear()
    {
        double[] rising = [.. Enumerable.Range(0, SpreadEnd.PlateauWeeks + 1).Select(w => 0.5 + (w * 0.0001))]; // 0.52 points a year
        double[] flat = [.. Enumerable.Range(0, SpreadEnd.PlateauWeeks + 1).Select(w => 0.5 + (w * 0.00001))]; // 0.052 points a year

        Assert.Null(SpreadEnd.Reason(rising, quietWeeks: 0));
        Assert.Equal("plateau", SpreadEnd.Reason(flat, quietWeeks: 0));
        Assert.Null(SpreadEnd.Reason(flat[..SpreadEnd.PlateauWeeks], quietWeeks: 0)); // Not judged before a year has run.
    }

    [Fact]
    public void Reason_StopsAtTheWeekLimit()
    {
        double[] creeping = [.. Enumerable.Range(0, SpreadEnd.MaxWeeks + 1).Select(w => w * 0.001)];

        Assert.Null(SpreadEnd.Reason(creeping[..SpreadEnd.MaxWeeks], quietWeeks: 0));
        Assert.Equal("week limit", SpreadEnd.Reason(creeping, quietWeeks: 0));
    }

    [Fact]
    public void Reason_NeverEndsBeforeTheFirstWeek()
    {
        Assert.Null(SpreadEnd.Reason([1.0], quietWeeks: 10));
    }
}
