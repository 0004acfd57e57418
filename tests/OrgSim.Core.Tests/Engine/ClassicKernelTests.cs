using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// The classic kernel must give the general path's states draw for draw: every case below runs
/// the same simulation both ways and compares every agent's four stages, the stage counts and the
/// number of agents that changed, every week.
/// </summary>
public class ClassicKernelTests
{
    private static readonly Relationships Unit = new() { TeamPeer = new(1, 1), Manager = new(1, 1), Report = new(1, 1), CrossTeam = new(1, 1) };

    private static ModelParameters Classic(AdoptionRule rule) => new()
    {
        Learning = false,
        Adoption = rule,
        DeployProbabilityHabit = 1,
        Relationships = Unit,
    };

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (string name in CaseTable.Keys)
        {
            cases.Add(name, false);
            cases.Add(name, true);
        }

        return cases;
    }

    private static readonly Dictionary<string, Func<(OrgGraph Graph, ModelParameters Model, int Weeks)>> CaseTable = new()
    {
        ["fractional threshold 0.18 on Erdős–Rényi (isolated agents included)"] = () =>
            (ClassicNetworks.ErdosRenyi(3_000, 4, 7), Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(0.18) }, 40),
        ["fractional threshold 0.25 on Watts–Strogatz"] = () =>
            (ClassicNetworks.WattsStrogatz(2_000, 4, 0.1, 13), Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(0.25) }, 60),
        ["fractional threshold, normal thresholds, on a grid"] = () =>
            (ClassicNetworks.Grid(50, 40), Classic(AdoptionRule.FractionalThreshold) with { Threshold = new ThresholdDistribution(ThresholdKind.Normal, 0.3, 0.15) }, 80),
        ["fractional threshold 0 adopts everyone in week 1"] = () =>
            (ClassicNetworks.RingLattice(500, 4), Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(0) }, 5),
        ["absolute threshold, uniform thresholds, on a hierarchy"] = () =>
            (TestOrganisations.Hierarchy(2_000, 6, 2.0), Classic(AdoptionRule.AbsoluteThreshold) with { Threshold = new ThresholdDistribution(ThresholdKind.Uniform, 0, 3) }, 40),
        ["fractional threshold on a hierarchy with equal strengths"] = () =>
            (TestOrganisations.Hierarchy(2_000, 6, 2.0), Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(0.2) }, 40),
        ["fractional threshold past 255 contacts"] = () =>
            (ClassicNetworks.Complete(400), Classic(AdoptionRule.FractionalThreshold) with { Threshold = new ThresholdDistribution(ThresholdKind.Uniform, 0.02, 0.3) }, 20),
        ["simple contagion on a complete graph"] = () =>
            (ClassicNetworks.Complete(200), Classic(AdoptionRule.SimpleContagion) with { Transmission = 0.00025 }, 80),
        ["simple contagion past 255 contacts (summed edge by edge in the general path)"] = () =>
            (ClassicNetworks.Complete(400), Classic(AdoptionRule.SimpleContagion) with { Transmission = 0.0003, Relationships = Unit with { TeamPeer = new(0.7, 3) } }, 40),
        ["simple contagion on Barabási–Albert, fractional interactions"] = () =>
            (ClassicNetworks.BarabasiAlbert(2_000, 3, 9), Classic(AdoptionRule.SimpleContagion) with { Transmission = 0.2, Relationships = Unit with { TeamPeer = new(1.3, 0.4) } }, 60),
        ["Bass on a complete graph"] = () =>
            (ClassicNetworks.Complete(250), Classic(AdoptionRule.Bass) with { BassInnovation = 0.03, BassImitation = 0.38 }, 30),
        ["Bass past 255 contacts with a strength that does not add up exactly"] = () =>
            (ClassicNetworks.Complete(300), Classic(AdoptionRule.Bass) with { BassInnovation = 0.01, BassImitation = 0.5, Relationships = Unit with { TeamPeer = new(0.1, 0.3) } }, 30),
        ["Bass without innovation on a ring"] = () =>
            (ClassicNetworks.RingLattice(1_000, 6), Classic(AdoptionRule.Bass) with { BassInnovation = 0, BassImitation = 0.6 }, 60),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassicKernel_GivesTheGeneralPathsStatesEveryWeek(string name, bool oneCompetency)
    {
        var (graph, model, weeks) = CaseTable[name]();
        using var kernel = new Simulation(graph, model, seed: 21);
        using var general = new Simulation(graph, model, seed: 21, threads: 2, path: EnginePath.General);
        Assert.True(kernel.UsesClassicKernel, "the case should run on the classic kernel");
        Assert.False(general.UsesClassicKernel);

        // Seeds in one competency (the kernel counts a single live competency its own way), or in
        // two at week 0 and a third in a second wave at week 3.
        int[] seeds = Enumerable.Range(0, graph.NodeCount).Where(v => v % 37 == 5).ToArray();
        CompetencySet first = oneCompetency ? CompetencySet.Of(Competency.Circularity) : CompetencySet.Of(Competency.Decisiveness).With(Competency.Pacing);
        foreach (Simulation s in new[] { kernel, general })
        {
            s.Seed(seeds, first, Stage.UnconsciousCompetence);
        }

        int changes = 0;
        for (int t = 1; t <= weeks; t++)
        {
            kernel.Step();
            general.Step();
            if (t == 3 && !oneCompetency)
            {
                kernel.Seed(seeds.Take(5).ToArray(), CompetencySet.Of(Competency.Feedforward), Stage.UnconsciousCompetence);
                general.Seed(seeds.Take(5).ToArray(), CompetencySet.Of(Competency.Feedforward), Stage.UnconsciousCompetence);
            }

            Assert.Equal(general.State.CopyStages(), kernel.State.CopyStages());
            Assert.Equal(general.StageCounts.ToArray(), kernel.StageCounts.ToArray());
            Assert.Equal(general.AgentsChangedLastStep, kernel.AgentsChangedLastStep);
            changes += kernel.AgentsChangedLastStep;
        }

        Assert.True(kernel.UsesClassicKernel, "nothing should have sent the run back to the general path");
        Assert.True(changes > 0, "the case should spread");
    }

    [Fact]
    public void ClassicKernel_TakesThresholdsSetAgentByAgent()
    {
        // Granovetter's riot on a complete graph: thresholds 0, 1, …, 99, then the one at 1 raised to 2.
        OrgGraph graph = ClassicNetworks.Complete(100);
        double[] thresholds = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        thresholds[1] = 2;
        using var kernel = new Simulation(graph, Classic(AdoptionRule.AbsoluteThreshold), seed: 1);
        using var general = new Simulation(graph, Classic(AdoptionRule.AbsoluteThreshold), seed: 1, path: EnginePath.General);
        kernel.SetThresholds(thresholds);
        general.SetThresholds(thresholds);
        for (int t = 0; t < 5; t++)
        {
            kernel.Step();
            general.Step();
            Assert.Equal(general.State.CopyStages(), kernel.State.CopyStages());
        }

        Assert.True(kernel.UsesClassicKernel);
        Assert.Equal(1, kernel.StageCounts[(int)Stage.UnconsciousCompetence]);
    }

    [Fact]
    public void ClassicKernel_HandsTheRunToTheGeneralPathWhenASeedIsAtStageTwo()
    {
        OrgGraph graph = ClassicNetworks.WattsStrogatz(1_000, 4, 0.1, 3);
        ModelParameters model = Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(0.25), DeployProbabilityPractised = 0.5 };
        using var kernel = new Simulation(graph, model, seed: 4);
        using var general = new Simulation(graph, model, seed: 4, path: EnginePath.General);
        foreach (Simulation s in new[] { kernel, general })
        {
            s.Seed([1, 200, 400], CompetencySet.Of(Competency.Circularity), Stage.UnconsciousCompetence);
            s.Step();
            s.Step();
            s.Seed([600, 800], CompetencySet.Of(Competency.Circularity), Stage.ConsciousCompetence);
        }

        Assert.False(kernel.UsesClassicKernel);
        for (int t = 0; t < 30; t++)
        {
            kernel.Step();
            general.Step();
            Assert.Equal(general.State.CopyStages(), kernel.State.CopyStages());
        }
    }

    [Theory]
    [InlineData("learning on")]
    [InlineData("adopters that deploy nine weeks in ten")]
    [InlineData("an independent cascade (active weeks)")]
    [InlineData("fractional threshold with contacts of different strengths")]
    [InlineData("simple contagion over several edge types")]
    public void ClassicKernel_IsNotUsedWhereItWouldNotGiveTheSameStates(string why)
    {
        OrgGraph hierarchy = TestOrganisations.Hierarchy(1_000, 6, 2.0);
        OrgGraph ring = ClassicNetworks.RingLattice(1_000, 4);
        var (graph, model) = why switch
        {
            "learning on" => (ring, Classic(AdoptionRule.SimpleContagion) with { Learning = true }),
            "adopters that deploy nine weeks in ten" => (ring, Classic(AdoptionRule.SimpleContagion) with { DeployProbabilityHabit = 0.9 }),
            "an independent cascade (active weeks)" => (ring, Classic(AdoptionRule.SimpleContagion) with { ActiveWeeks = 1 }),
            "fractional threshold with contacts of different strengths" => (hierarchy, Classic(AdoptionRule.FractionalThreshold) with { Relationships = new() }),
            _ => (hierarchy, Classic(AdoptionRule.SimpleContagion)),
        };
        using var simulation = new Simulation(graph, model, seed: 1);
        Assert.False(simulation.UsesClassicKernel);
    }
}
