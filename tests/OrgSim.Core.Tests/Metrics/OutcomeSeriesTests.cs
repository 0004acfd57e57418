using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Core.Metrics;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Record_FromASimulationsThreads_GivesTheSameValuesAsFromItsState(int threads)
    {
        // Pods and external coaches: a graph whose teams are not all numbered together, with agents left out of the outcomes.
        OrgGraph graph = OverlayBuilder.Apply(
            HierarchyGenerator.Generate(new HierarchyOptions { Agents = 12_000, Span = 5, SpanMax = 9, CrossTeamTiesPerAgent = 2 }, seed: 3),
            new OverlayOptions { MenteeShare = 0.2, ExternalCoaches = 3, LifeCoach = true }, seed: 3);
        int[] seeds = SeedSelector.Select(graph, SeedingStrategy.Random, budget: 300, seed: 4);
        using var simulation = new Simulation(graph, new ModelParameters(), seed: 5, threads: threads);
        simulation.Seed(seeds, CompetencySet.All, Stage.ConsciousCompetence);
        var fromState = new OutcomeSeries(graph, seeds, new EffectivenessWeights(), horizon: 60);
        var fromThreads = new OutcomeSeries(graph, seeds, new EffectivenessWeights(), horizon: 60);
        for (int t = 0; t <= 60; t++)
        {
            if (t > 0)
            {
                simulation.Step();
            }

            fromState.Record(simulation.State);
            fromThreads.Record(simulation);
            Assert.Equal(fromState.EffectivenessAgentMean(t), fromThreads.EffectivenessAgentMean(t));
            Assert.Equal(fromState.EffectivenessTeamMean(t), fromThreads.EffectivenessTeamMean(t));
            Assert.Equal(fromState.FrontMean(t), fromThreads.FrontMean(t));
            Assert.Equal(fromState.FrontMax(t), fromThreads.FrontMax(t));
            Assert.Equal(fromState.CompetentAgents(t), fromThreads.CompetentAgents(t));
            for (int level = 0; level < fromState.LevelCount; level++)
            {
                Assert.Equal(fromState.LevelCompetentShare(t, level), fromThreads.LevelCompetentShare(t, level));
            }
        }

        Assert.InRange(fromThreads.CompetentAgents(60), 1_000, graph.NodeCount);
    }

    [Fact]
    public void Record_MatchesAStraightforwardPassOverTheAgents()
    {
        OrgGraph graph = OverlayBuilder.Apply(
            HierarchyGenerator.Generate(new HierarchyOptions { Agents = 3_000, Span = 4, SpanMax = 7, CrossTeamTiesPerAgent = 1 }, seed: 8),
            new OverlayOptions { ExternalCoaches = 2 }, seed: 8);
        int[] seeds = [0, 17, 400];
        var state = new AgentState(graph.NodeCount);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            foreach (Competency c in Competencies.All)
            {
                state.SetStage(v, c, (Stage)((v * 7 / (1 + (int)c)) % 4));
            }
        }

        var weights = new EffectivenessWeights();
        var outcomes = new OutcomeSeries(graph, seeds, weights, horizon: 0);
        outcomes.Record(state);

        int[] employees = Enumerable.Range(0, graph.NodeCount).Where(v => graph.Role(v) != Role.External).ToArray();
        double Level(int v, Competency c) => (int)state.GetStage(v, c) / 3.0;
        double expectedAgents = employees.Average(v => Effectiveness.Score(Level(v, 0), Level(v, (Competency)1), Level(v, (Competency)2), Level(v, (Competency)3), weights));
        double expectedTeams = employees.GroupBy(graph.Team).Average(team => Effectiveness.Score(
            team.Average(v => Level(v, 0)), team.Average(v => Level(v, (Competency)1)), team.Average(v => Level(v, (Competency)2)), team.Average(v => Level(v, (Competency)3)), weights));
        bool Competent(int v) => Competencies.All.Any(c => state.GetStage(v, c) >= Stage.ConsciousCompetence);
        int[] reached = employees.Where(v => Competent(v) && outcomes.SeedDistance[v] != SeedDistances.Unreachable).ToArray();

        Assert.Equal(expectedAgents, outcomes.EffectivenessAgentMean(0), 12);
        Assert.Equal(expectedTeams, outcomes.EffectivenessTeamMean(0), 12);
        Assert.Equal(employees.Count(Competent), outcomes.CompetentAgents(0));
        Assert.Equal(reached.Average(v => (double)outcomes.SeedDistance[v]), outcomes.FrontMean(0), 12);
        Assert.Equal(reached.Max(v => outcomes.SeedDistance[v]), outcomes.FrontMax(0));
        for (int level = 0; level < outcomes.LevelCount; level++)
        {
            int pairs = employees.Where(v => graph.Level(v) == level).Sum(v => Competencies.All.Count(c => state.GetStage(v, c) >= Stage.ConsciousCompetence));
            Assert.Equal(pairs / (4.0 * outcomes.LevelAgents(level)), outcomes.LevelCompetentShare(0, level), 12);
        }
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
