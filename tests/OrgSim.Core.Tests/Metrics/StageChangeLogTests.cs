using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Metrics;

public class StageChangeLogTests
{
    /// <summary>Fast learning and fast forgetting, so stages move up and down within a few weeks.</summary>
    private static readonly ModelParameters Lively = new()
    {
        Transmission = 1,
        PracticeBase = 1,
        RepetitionsToPractised = 1,
        RepetitionsToHabit = 3,
        ForgetGraceWeeks = 1,
        ForgetRate = 0.5,
        DeployProbabilityPractised = 0.3,
    };

    [Fact]
    public void Spells_ReconstructTheStageOfEveryAgentAtEveryTickOfARun()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(500, 6, 2.0);
        (StageChangeLog log, List<byte[]> states) = Run(graph, Lively, ticks: 40);

        Assert.Equal(0, log.FirstTick);
        Assert.Equal(40, log.LastTick);
        bool sawDecline = false;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            foreach (Competency c in Competencies.All)
            {
                IReadOnlyList<StageSpell> spells = log.Spells(v, c);
                Assert.Equal(0, spells[0].FromTick);
                Assert.Null(spells[^1].ToTick);
                for (int s = 0; s < spells.Count; s++)
                {
                    if (s > 0)
                    {
                        Assert.Equal(spells[s - 1].ToTick, spells[s].FromTick);
                        Assert.NotEqual(spells[s - 1].Stage, spells[s].Stage);
                        sawDecline |= spells[s].Stage < spells[s - 1].Stage;
                    }

                    int end = spells[s].ToTick ?? (log.LastTick + 1);
                    Assert.True(spells[s].FromTick < end, "a spell should cover at least one tick");
                    for (int t = spells[s].FromTick; t < end; t++)
                    {
                        Assert.Equal((Stage)states[t][(v * 4) + (int)c], spells[s].Stage);
                    }
                }
            }
        }

        Assert.True(log.ChangeCount > graph.NodeCount, $"the run should change many stages; it changed {log.ChangeCount}");
        Assert.True(sawDecline, "forgetting should have lowered some stage, so spells are checked in both directions");
    }

    [Fact]
    public void ChangeCount_IsTheNumberOfStagesThatDifferFromTheTickBefore()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(300, 5, 2.0);
        (StageChangeLog log, List<byte[]> states) = Run(graph, Lively, ticks: 25);
        int expected = 0;
        for (int t = 1; t < states.Count; t++)
        {
            expected += states[t].Zip(states[t - 1]).Count(pair => pair.First != pair.Second);
        }

        Assert.Equal(expected, log.ChangeCount);
        int spellCount = Enumerable.Range(0, graph.NodeCount)
            .Sum(v => Competencies.All.Sum(c => log.Spells(v, c).Count));
        Assert.Equal((graph.NodeCount * Competencies.Count) + expected, spellCount);
    }

    [Fact]
    public void StageAt_AgreesWithTheStatesRecordedAtEveryTick()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(200, 4, 2.0);
        (StageChangeLog log, List<byte[]> states) = Run(graph, Lively, ticks: 20);
        for (int t = 0; t <= log.LastTick; t++)
        {
            for (int v = 0; v < graph.NodeCount; v++)
            {
                foreach (Competency c in Competencies.All)
                {
                    Assert.Equal((Stage)states[t][(v * 4) + (int)c], log.StageAt(v, c, t));
                }
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => log.StageAt(0, Competency.Pacing, log.LastTick + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.StageAt(0, Competency.Pacing, -1));
    }

    [Fact]
    public void Spells_BetweenRecordedTicksKeepTheirStageUntilTheNextRecord()
    {
        var state = new AgentState(2);
        var log = new StageChangeLog(2);
        log.Record(0, state);
        state.SetStage(1, Competency.Circularity, Stage.ConsciousIncompetence);
        log.Record(5, state);
        state.SetStage(1, Competency.Circularity, Stage.ConsciousCompetence);
        log.Record(13, state);
        state.SetStage(1, Competency.Circularity, Stage.ConsciousIncompetence);
        log.Record(14, state);

        Assert.Equal(
            [
                new StageSpell(0, 5, Stage.UnconsciousIncompetence),
                new StageSpell(5, 13, Stage.ConsciousIncompetence),
                new StageSpell(13, 14, Stage.ConsciousCompetence),
                new StageSpell(14, null, Stage.ConsciousIncompetence),
            ],
            log.Spells(1, Competency.Circularity));
        Assert.Equal([new StageSpell(0, null, Stage.UnconsciousIncompetence)], log.Spells(0, Competency.Circularity));
        Assert.Equal(Stage.ConsciousIncompetence, log.StageAt(1, Competency.Circularity, 12));
        Assert.Equal(3, log.ChangeCount);
    }

    [Fact]
    public void Record_OfAnUnchangedStateAddsNoChangeAndAllocatesNothing()
    {
        var state = new AgentState(10_000);
        state.SetStage(42, Competency.Pacing, Stage.UnconsciousCompetence);
        var log = new StageChangeLog(state.AgentCount);
        log.Record(0, state);
        log.Record(1, state); // Warm-up: lets the JIT settle before allocations are counted.

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 2; t < 100; t++)
        {
            log.Record(t, state);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, log.ChangeCount);
        Assert.Equal(99, log.LastTick);
        Assert.Equal([new StageSpell(0, null, Stage.UnconsciousCompetence)], log.Spells(42, Competency.Pacing));
    }

    [Fact]
    public void Record_AllocatesInProportionToChangesNotToAgentsOrTicks()
    {
        // 100 ticks of 1,000,000 agent–competency pairs, with one change a tick: the change arrays
        // grow to hold 100 changes, a few kilobytes, while one copy of the state would be a megabyte.
        var state = new AgentState(250_000);
        var log = new StageChangeLog(state.AgentCount);
        log.Record(0, state);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 1; t <= 100; t++)
        {
            state.SetStage(t * 997, Competency.Feedforward, (Stage)(1 + (t % 3)));
            log.Record(t, state);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, log.ChangeCount);
        Assert.InRange(allocated, 1, 16 * 1024);
    }

    [Fact]
    public void Record_RejectsTicksThatDoNotIncreaseAndStatesOfAnotherSize()
    {
        var state = new AgentState(3);
        var log = new StageChangeLog(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Record(-1, state));
        log.Record(4, state);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Record(4, state));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Record(3, state));
        Assert.Throws<ArgumentException>(() => log.Record(5, new AgentState(4)));
        Assert.Equal(4, log.FirstTick);
        Assert.Equal(4, log.Spells(2, Competency.Decisiveness)[0].FromTick);
    }

    [Fact]
    public void Spells_IsEmptyBeforeAnythingIsRecordedAndRejectsUnknownAgents()
    {
        var log = new StageChangeLog(2);
        Assert.False(log.HasRecords);
        Assert.Empty(log.Spells(1, Competency.Pacing));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Spells(2, Competency.Pacing));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Spells(0, (Competency)4));
    }

    private static (StageChangeLog Log, List<byte[]> States) Run(OrgGraph graph, ModelParameters parameters, int ticks)
    {
        using var simulation = new Simulation(graph, parameters, seed: 11);
        simulation.Seed(SeedSelector.Select(graph, SeedingStrategy.Random, graph.NodeCount / 10, 11), CompetencySet.All, Stage.ConsciousCompetence);
        var log = new StageChangeLog(graph.NodeCount);
        var states = new List<byte[]>();
        log.Record(0, simulation.State);
        states.Add(simulation.State.CopyStages());
        for (int t = 1; t <= ticks; t++)
        {
            simulation.Step();
            log.Record(t, simulation.State);
            states.Add(simulation.State.CopyStages());
        }

        return (log, states);
    }
}
