using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;

namespace OrgSim.Core.Tests.Metrics;

public class OutcomeSeriesTests
{
    // A chief (level 0) with two reports (level 1), each with two reports (level 2): teams are a manager's reports.
    private static readonly OrgGraph Tree = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 7, Span = 2, CrossTeamTiesPerAgent = 0 }, seed: 1);

    [Fact]
    public void LevelCompetentShare_CountsCompetentPairsAmongTheLevelsAgents()
    {
        var state = new AgentState(Tree.NodeCount);
        int[] frontLine = Enumerable.Range(0, Tree.NodeCount).Where(v => Tree.Level(v) == 2).ToArray();
        state.SetStage(frontLine[0], Competency.Decisiveness, Stage.ConsciousCompetence);
        state.SetStage(frontLine[0], Competency.Pacing, Stage.UnconsciousCompetence);
        state.SetStage(frontLine[1], Competency.Circularity, Stage.ConsciousIncompetence); // aware only: not counted
        var outcomes = new OutcomeSeries(Tree, [0], new EffectivenessWeights(), horizon: 0);
        outcomes.Record(state);

        Assert.Equal(3, outcomes.LevelCount);
        Assert.Equal([1, 2, 4], Enumerable.Range(0, 3).Select(outcomes.LevelAgents));
        Assert.Equal(0.0, outcomes.LevelCompetentShare(0, 0));
        Assert.Equal(0.0, outcomes.LevelCompetentShare(0, 1));
        Assert.Equal(2 / (4.0 * 4), outcomes.LevelCompetentShare(0, 2), 12);
    }

    [Fact]
    public void Effectiveness_AgentMeanAveragesAgentsAndTeamMeanScoresEachTeamsMeanLevels()
    {
        // One team of two: one member a habitual decider, the other a habitual facilitator, pacer
        // and adviser. Alone each is penalised; as a team they cover all four at level 1/2.
        OrgGraph pair = new OrgGraphBuilder(2).AddTie(0, 1, EdgeType.TeamPeer).Build();
        var state = new AgentState(2);
        state.SetStage(0, Competency.Decisiveness, Stage.UnconsciousCompetence);
        foreach (Competency c in new[] { Competency.Circularity, Competency.Pacing, Competency.Feedforward })
        {
            state.SetStage(1, c, Stage.UnconsciousCompetence);
        }

        var weights = new EffectivenessWeights();
        var outcomes = new OutcomeSeries(pair, [0], weights, horizon: 0);
        outcomes.Record(state);

        double agentMean = (Effectiveness.Score(1, 0, 0, 0, weights) + Effectiveness.Score(0, 1, 1, 1, weights)) / 2;
        Assert.Equal(agentMean, outcomes.EffectivenessAgentMean(0), 12);
        Assert.Equal(Effectiveness.Score(0.5, 0.5, 0.5, 0.5, weights), outcomes.EffectivenessTeamMean(0), 12);
        Assert.True(outcomes.EffectivenessTeamMean(0) > outcomes.EffectivenessAgentMean(0));
    }

    [Fact]
    public void Record_BeyondTheHorizonIsRejected()
    {
        var outcomes = new OutcomeSeries(Tree, [0], new EffectivenessWeights(), horizon: 0);
        outcomes.Record(new AgentState(Tree.NodeCount));
        Assert.Throws<InvalidOperationException>(() => outcomes.Record(new AgentState(Tree.NodeCount)));
    }

    [Fact]
    public void Retention_IsTheShareOfPairsCompetentAtTheEndThatStillAre()
    {
        var state = new AgentState(4);
        state.SetStage(0, Competency.Decisiveness, Stage.ConsciousCompetence);
        state.SetStage(1, Competency.Decisiveness, Stage.UnconsciousCompetence);
        state.SetStage(2, Competency.Pacing, Stage.ConsciousCompetence);
        state.SetStage(3, Competency.Pacing, Stage.ConsciousIncompetence);
        var retention = new Retention(state);
        Assert.Equal(3, retention.CompetentAtEnd);

        state.SetStage(0, Competency.Decisiveness, Stage.ConsciousIncompetence); // forgot
        state.SetStage(3, Competency.Pacing, Stage.ConsciousCompetence);         // new, not retained
        Assert.Equal(2 / 3.0, retention.Retained(state)!.Value, 12);
    }

    [Fact]
    public void Retention_WithNobodyCompetentAtTheEnd_IsUndefined()
    {
        Assert.Null(new Retention(new AgentState(3)).Retained(new AgentState(3)));
    }
}
