using OrgSim.Core.Agents;
using OrgSim.Core.Metrics;

namespace OrgSim.Core.Tests.Metrics;

public class StageSeriesTests
{
    [Fact]
    public void CompetentShare_CountsStagesTwoAndThreeOverAllAgentCompetencyPairs()
    {
        var series = new StageSeries(agentCount: 10, horizon: 1);
        // decisiveness: 5 at stage 2, 1 at stage 3; the other three competencies: all at stage 0.
        series.Record([4, 0, 5, 1, 10, 0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0]);
        Assert.Equal(6.0 / 40, series.CompetentShare(0), 12);
        Assert.Equal(5, series.Count(0, Competency.Decisiveness, Stage.ConsciousCompetence));
    }

    [Fact]
    public void FirstTickReaching_IsTheFirstTickAtOrAboveTheShareOrNull()
    {
        var series = new StageSeries(agentCount: 1, horizon: 3);
        series.Record([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]); // 0%
        series.Record([0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0]); // 50%
        series.Record([0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0]); // 75%
        Assert.Equal(1, series.FirstTickReaching(0.5));
        Assert.Equal(2, series.FirstTickReaching(0.75));
        Assert.Null(series.FirstTickReaching(0.9));
    }

    [Fact]
    public void Record_RejectsMoreTicksThanTheHorizon()
    {
        var series = new StageSeries(1, 0);
        series.Record(new int[16]);
        Assert.Throws<InvalidOperationException>(() => series.Record(new int[16]));
    }
}
