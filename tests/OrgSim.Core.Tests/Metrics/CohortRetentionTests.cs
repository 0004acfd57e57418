using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;

namespace OrgSim.Core.Tests.Metrics;

public class CohortRetentionTests
{
    private static readonly OrgGraph Tree = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 7, Span = 2, CrossTeamTiesPerAgent = 0 }, seed: 1);

    [Fact]
    public void CompetentShare_LinesWavesUpByWeeksSinceTheirTraining()
    {
        // Wave 1 at week 0 trains agent 1 in decisiveness and pacing; wave 2 at week 2 trains agent 2
        // in decisiveness, and agent 1 in decisiveness again (it stays in wave 1's cohort).
        var cohort = new CohortRetention(Tree, horizon: 4);
        var state = new AgentState(Tree.NodeCount);
        var decisivenessAndPacing = CompetencySet.Of(Competency.Decisiveness).With(Competency.Pacing);
        cohort.Train([1], decisivenessAndPacing, week: 0);
        state.SetStage(1, Competency.Decisiveness, Stage.ConsciousCompetence);
        state.SetStage(1, Competency.Pacing, Stage.ConsciousCompetence);
        cohort.Record(state.StageBytes, 0); // k = 0: 2 of 2
        cohort.Record(state.StageBytes, 1); // k = 1: 2 of 2
        cohort.Train([2, 1], CompetencySet.Of(Competency.Decisiveness), week: 2);
        state.SetStage(1, Competency.Pacing, Stage.ConsciousIncompetence); // agent 1 relapses in pacing
        state.SetStage(2, Competency.Decisiveness, Stage.UnconsciousCompetence);
        cohort.Record(state.StageBytes, 2); // wave 1, k = 2: 1 of 2; wave 2, k = 0: 1 of 1
        state.SetStage(2, Competency.Decisiveness, Stage.ConsciousIncompetence);
        cohort.Record(state.StageBytes, 3); // wave 1, k = 3: 1 of 2; wave 2, k = 1: 0 of 1
        cohort.Record(state.StageBytes, 4); // wave 1, k = 4: 1 of 2; wave 2, k = 2: 0 of 1

        Assert.Equal(3, cohort.TrainedPairs);
        Assert.Equal(3 / 3.0, cohort.CompetentShare(0));
        Assert.Equal(2 / 3.0, cohort.CompetentShare(1));
        Assert.Equal(1 / 3.0, cohort.CompetentShare(2));
        Assert.Equal(0.5, cohort.CompetentShare(3)); // wave 2 never got 3 weeks old
        Assert.Equal(0.5, cohort.CompetentShare(4));
    }

    [Fact]
    public void CompetentShare_IsUndefinedWithoutATrainedPair()
    {
        var cohort = new CohortRetention(Tree, horizon: 2);
        cohort.Record(new AgentState(Tree.NodeCount).StageBytes, 0);
        Assert.True(double.IsNaN(cohort.CompetentShare(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => cohort.CompetentShare(3));
    }
}
