using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Engine;

public class SimulationTests
{
    private static readonly OrgGraph Graph = TestOrganisations.Hierarchy(2_000, 8, 2.0);

    /// <summary>Every relationship at weight 1 and one interaction a week, so an edge's strength is exactly 1.</summary>
    private static readonly Relationships UnitRelationships = new()
    {
        Manager = new(1, 1),
        Report = new(1, 1),
        TeamPeer = new(1, 1),
        CrossTeam = new(1, 1),
    };

    [Fact]
    public void Step_NeverMovesAnAgentMoreThanOneStageInATick()
    {
        var fast = new ModelParameters
        {
            Transmission = 1,
            PracticeBase = 1,
            RepetitionsToPractised = 1,
            RepetitionsToHabit = 1,
            ForgetGraceWeeks = 1,
            ForgetRate = 1,
            DeployProbabilityPractised = 0.3,
        };
        using Simulation simulation = Seeded(fast, SeedingStrategy.Random, 100, seed: 5);
        byte[] before = simulation.State.CopyStages();
        bool anyChange = false;
        for (int t = 0; t < 30; t++)
        {
            simulation.Step();
            byte[] after = simulation.State.CopyStages();
            for (int i = 0; i < before.Length; i++)
            {
                Assert.InRange(after[i] - before[i], -1, 1);
                anyChange |= after[i] != before[i];
            }

            before = after;
        }

        Assert.True(anyChange, "the dynamics should have changed some stage");
    }

    [Fact]
    public void Step_WithZeroTransmissionLeavesEveryUnawareAgentUnaware()
    {
        var parameters = new ModelParameters { Transmission = 0, DeployProbabilityPractised = 1, DeployProbabilityHabit = 1 };
        using Simulation simulation = Seeded(parameters, SeedingStrategy.TopDown, 50, seed: 1);
        for (int t = 0; t < 52; t++)
        {
            simulation.Step();
        }

        for (int v = 50; v < Graph.NodeCount; v++)
        {
            foreach (Competency c in Competencies.All)
            {
                Assert.Equal(Stage.UnconsciousIncompetence, simulation.State.GetStage(v, c));
            }
        }
    }

    [Fact]
    public void Step_WithCertainTransmissionMakesEveryAgentWithADeployingContactAware()
    {
        var parameters = new ModelParameters
        {
            Transmission = 1,
            DeployProbabilityPractised = 1,
            Relationships = UnitRelationships,
        };
        using Simulation simulation = Seeded(parameters, SeedingStrategy.Random, 40, seed: 2);
        var seeds = Enumerable.Range(0, Graph.NodeCount)
            .Where(v => simulation.State.GetStage(v, Competency.Pacing) == Stage.ConsciousCompetence).ToHashSet();

        simulation.Step();

        for (int v = 0; v < Graph.NodeCount; v++)
        {
            if (seeds.Contains(v))
            {
                continue;
            }

            bool exposed = Graph.Neighbours(v).ToArray().Any(seeds.Contains);
            Stage expected = exposed ? Stage.ConsciousIncompetence : Stage.UnconsciousIncompetence;
            foreach (Competency c in Competencies.All)
            {
                Assert.Equal(expected, simulation.State.GetStage(v, c));
            }
        }
    }

    [Fact]
    public void Step_NeverDecaysAHabit_WithErosionOff()
    {
        var parameters = new ModelParameters
        {
            DeployProbabilityHabit = 0,
            PracticeBase = 0,
            ForgetGraceWeeks = 1,
            ForgetRate = 1,
            HabitErosionRate = 0,
        };
        using var simulation = new Simulation(Graph, parameters, seed: 3);
        simulation.Seed([0, 1, 2, 3], CompetencySet.All, Stage.UnconsciousCompetence);
        for (int t = 0; t < 200; t++)
        {
            simulation.Step();
        }

        Assert.Equal(4, simulation.StageCounts[(int)Competency.Decisiveness * 4 + (int)Stage.UnconsciousCompetence]);
    }

    [Fact]
    public void Step_ErodesHabitsThatNobodyAroundDeploys_AndKeepsThoseEveryoneDeploys()
    {
        // Agents 0–3 are habits that never deploy (d₃ = 0), among contacts who never deploy either,
        // and once eroded they cannot practise back (no deploying, no practice): the pull is 1 and
        // a habit erodes at the full rate, 0.2 a week, so after 40 weeks P(still a habit) =
        // 0.8⁴⁰ ≈ 1.3e-4 for each of 16 pairs. With every agent a habit deploying every week
        // (d₃ = 1), exposure equals each agent's total strength, the pull is 0 and no habit erodes.
        var lone = new ModelParameters { DeployProbabilityHabit = 0, DeployProbabilityPractised = 0, PracticeBase = 0, PracticeFromExposure = 0, HabitErosionRate = 0.2, RelapseRate = 0 };
        using (var simulation = new Simulation(Graph, lone, seed: 3))
        {
            simulation.Seed([0, 1, 2, 3], CompetencySet.All, Stage.UnconsciousCompetence);
            for (int t = 0; t < 40; t++)
            {
                simulation.Step();
            }

            Assert.Equal(0, Competencies.All.Sum(c => simulation.StageCounts[(int)c * 4 + (int)Stage.UnconsciousCompetence]));
        }

        var everyone = new ModelParameters { DeployProbabilityHabit = 1, HabitErosionRate = 1, RelapseRate = 1 };
        using (var simulation = new Simulation(Graph, everyone, seed: 3))
        {
            simulation.Seed(Enumerable.Range(0, Graph.NodeCount).ToArray(), CompetencySet.All, Stage.UnconsciousCompetence);
            for (int t = 0; t < 40; t++)
            {
                simulation.Step();
            }

            Assert.Equal(Graph.NodeCount, simulation.StageCounts[(int)Competency.Pacing * 4 + (int)Stage.UnconsciousCompetence]);
        }
    }

    [Fact]
    public void Step_DecaysPractisedAndAwareStagesWithoutPractice()
    {
        var parameters = new ModelParameters
        {
            DeployProbabilityPractised = 0,
            PracticeBase = 0,
            ForgetGraceWeeks = 1,
            ForgetRate = 1,
        };
        using var simulation = new Simulation(Graph, parameters, seed: 3);
        simulation.Seed([10], CompetencySet.Of(Competency.Circularity), Stage.ConsciousCompetence);

        simulation.Step();
        Assert.Equal(Stage.ConsciousIncompetence, simulation.State.GetStage(10, Competency.Circularity));
        simulation.Step();
        Assert.Equal(Stage.UnconsciousIncompetence, simulation.State.GetStage(10, Competency.Circularity));
    }

    [Fact]
    public void Step_PromotesAfterTheRequiredRepetitions()
    {
        var parameters = new ModelParameters { PracticeBase = 1, RepetitionsToPractised = 3, RepetitionsToHabit = 2, Transmission = 0, EntryTrickRepetitions = 0, FlowSensitivity = 0 };
        using var simulation = new Simulation(Graph, parameters, seed: 3);
        simulation.Seed([10], CompetencySet.Of(Competency.Feedforward), Stage.ConsciousIncompetence);
        var stages = new List<Stage>();
        for (int t = 0; t < 6; t++)
        {
            simulation.Step();
            stages.Add(simulation.State.GetStage(10, Competency.Feedforward));
        }

        Assert.Equal(
            [Stage.ConsciousIncompetence, Stage.ConsciousIncompetence, Stage.ConsciousCompetence,
             Stage.ConsciousCompetence, Stage.UnconsciousCompetence, Stage.UnconsciousCompetence],
            stages);
    }

    [Fact]
    public void StageCounts_SumToTheAgentCountForEveryCompetency()
    {
        using Simulation simulation = Seeded(new ModelParameters(), SeedingStrategy.BottomUpTeams, 100, seed: 9);
        for (int t = 0; t < 20; t++)
        {
            simulation.Step();
            for (int c = 0; c < Competencies.Count; c++)
            {
                Assert.Equal(Graph.NodeCount, simulation.StageCounts.Slice(c * 4, 4).ToArray().Sum());
            }

            byte[] stages = simulation.State.CopyStages();
            for (int s = 0; s < 4; s++)
            {
                Assert.Equal(stages.Where((x, i) => i % 4 == 0 && x == s).Count(), simulation.StageCounts[s]);
            }
        }
    }

    [Fact]
    public void Step_WithTheSameSeedGivesIdenticalStates()
    {
        byte[] a = StagesAfter(seed: 42, threads: 1, ticks: 40);
        byte[] b = StagesAfter(seed: 42, threads: 1, ticks: 40);
        byte[] c = StagesAfter(seed: 43, threads: 1, ticks: 40);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void Step_GivesIdenticalStatesWhateverTheThreadCount(int threads)
    {
        // 20,000 agents so that up to 19 workers get a range (the engine gives each at least 1,024 agents).
        OrgGraph big = TestOrganisations.Hierarchy(20_000, 8, 2.0);
        Assert.Equal(StagesAfter(42, 1, 30, big), StagesAfter(42, threads, 30, big));
    }

    [Fact]
    public void Step_AllocatesNothing()
    {
        // One thread, so every allocation the step could make is on this thread's counter, which
        // other tests running in parallel cannot touch. Five warm-up steps let the JIT settle.
        using Simulation simulation = Seeded(new ModelParameters(), SeedingStrategy.Random, 100, seed: 4);
        for (int t = 0; t < 5; t++)
        {
            simulation.Step();
        }

        long allocated = PerTickAllocation.InQuieterOfTwoWindows(
            GC.GetAllocatedBytesForCurrentThread,
            () =>
            {
                for (int t = 0; t < 20; t++)
                {
                    simulation.Step();
                }
            });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Seed_SetsExactlyTheRequestedCompetenciesAndStageOfTheChosenAgents()
    {
        using var simulation = new Simulation(Graph, new ModelParameters(), seed: 1);
        CompetencySet chosen = CompetencySet.Of(Competency.Decisiveness).With(Competency.Pacing);
        simulation.Seed([3, 70, 1999], chosen, Stage.ConsciousIncompetence);
        for (int v = 0; v < Graph.NodeCount; v++)
        {
            foreach (Competency c in Competencies.All)
            {
                bool seeded = v is 3 or 70 or 1999 && chosen.Contains(c);
                Assert.Equal(seeded ? Stage.ConsciousIncompetence : Stage.UnconsciousIncompetence, simulation.State.GetStage(v, c));
            }
        }

        Assert.Equal(3, simulation.StageCounts[((int)Competency.Pacing * 4) + (int)Stage.ConsciousIncompetence]);
        Assert.Equal(Graph.NodeCount, simulation.StageCounts[((int)Competency.Circularity * 4) + (int)Stage.UnconsciousIncompetence]);
    }

    [Fact]
    public void Seed_AfterAStep_RaisesStagesAndNeverLowersThem()
    {
        using var simulation = new Simulation(Graph, new ModelParameters { Transmission = 0 }, seed: 1);
        simulation.Seed([0], CompetencySet.Of(Competency.Pacing), Stage.UnconsciousCompetence);
        simulation.Step();
        simulation.Seed([0, 1], CompetencySet.Of(Competency.Pacing), Stage.ConsciousIncompetence);
        Assert.Equal(Stage.UnconsciousCompetence, simulation.State.GetStage(0, Competency.Pacing));
        Assert.Equal(Stage.ConsciousIncompetence, simulation.State.GetStage(1, Competency.Pacing));
        Assert.Equal(1, simulation.StageCounts[((int)Competency.Pacing * 4) + 1]);
    }

    [Fact]
    public void Constructor_RejectsParametersOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation(Graph, new ModelParameters { Transmission = 1.5 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation(Graph, new ModelParameters { RepetitionsToHabit = 0 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation(Graph, new ModelParameters(), 1, threads: 0));
    }

    private static Simulation Seeded(ModelParameters parameters, SeedingStrategy strategy, int budget, ulong seed, OrgGraph? graph = null, int threads = 1)
    {
        graph ??= Graph;
        var simulation = new Simulation(graph, parameters, seed, threads);
        simulation.Seed(SeedSelector.Select(graph, strategy, budget, seed), CompetencySet.All, Stage.ConsciousCompetence);
        return simulation;
    }

    private static byte[] StagesAfter(ulong seed, int threads, int ticks, OrgGraph? graph = null)
    {
        using Simulation simulation = Seeded(new ModelParameters(), SeedingStrategy.Random, 100, seed, graph, threads);
        for (int t = 0; t < ticks; t++)
        {
            simulation.Step();
        }

        return simulation.State.CopyStages();
    }
}
