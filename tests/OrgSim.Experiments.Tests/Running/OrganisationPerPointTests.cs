using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Running;

public class OrganisationPerPointTests
{
    /// <summary>Two sweep points with identical parameters: only the organisation can tell them apart.</summary>
    private static string Text(string perPoint) => $$"""
        name: per-point
        seed: 11
        horizon_weeks: 20
        replicates: 3
        {{perPoint}}
        organisation: {generator: erdos-renyi, agents: 300, degree: 4}
        model: {transmission: 0.1}
        sweep:
          points:
            - {model.transmission: 0.1}
            - {model.transmission: 0.1}
        arms:
          - name: random
            seeding: {strategy: random, budget: 5}
        """;

    private static double[][] Shares(LoadedScenario scenario, int point, int threads)
    {
        MemoryRunStore store = TestRuns.InMemory(scenario, threads);
        return Enumerable.Range(0, scenario.Spec.Replicates)
            .Select(r => Enumerable.Range(0, scenario.Spec.HorizonWeeks + 1).Select(t => store.Result(new RunCoordinates(point, 0, r)).Series.CompetentShare(t)).ToArray())
            .ToArray();
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("organisation_per_point: fresh", false)]
    public void GraphOfAPoint_IsThatPointsOwnOrganisation(string perPoint, bool same)
    {
        string scenario = TestRuns.ScenarioFile(Text(perPoint));
        string Edges(int point)
        {
            string file = Path.Combine(TestPaths.TempDirectory(), $"edges-{point}.csv");
            var outcome = OrgSim.Experiments.Jobs.GraphJob.Execute(new OrgSim.Experiments.Jobs.GraphRequest { Scenario = new OrgSim.Experiments.Jobs.ScenarioInput(scenario, []), Format = "edges", Out = file, Point = point }, _ => { });
            Assert.True(outcome.Status == OrgSim.Experiments.Jobs.JobStatus.Success, string.Join("; ", outcome.Errors));
            return File.ReadAllText(file);
        }

        Assert.Equal(same, Edges(0) == Edges(1));
    }

    [Fact]
    public void Shared_IsTheDefaultAndTwoIdenticalPointsGiveIdenticalRuns()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(Text(string.Empty), "per-point.yaml");
        Assert.Equal(OrganisationPerPoint.Shared, scenario.Spec.OrganisationPerPoint);
        Assert.Equal(Shares(scenario, 0, 2), Shares(scenario, 1, 2));
        Assert.Equal(RunSeeds.Organisation(scenario.Spec.Seed, 2), RunSeeds.Organisation(scenario.Spec, 1, 2));
    }

    [Fact]
    public void Fresh_GivesTwoIdenticalPointsDifferentOrganisationsAndOutcomes()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(Text("organisation_per_point: fresh"), "per-point.yaml");
        ScenarioSpec spec = scenario.Spec;
        Assert.Equal(OrganisationPerPoint.Fresh, spec.OrganisationPerPoint);
        for (int r = 0; r < spec.Replicates; r++)
        {
            ulong first = RunSeeds.Organisation(spec, 0, r), second = RunSeeds.Organisation(spec, 1, r);
            Assert.NotEqual(first, second);
            var a = OrganisationFactory.Build(spec.Organisation, first);
            var b = OrganisationFactory.Build(spec.Organisation, second);
            Assert.False(Enumerable.Range(0, a.NodeCount).All(v => a.Neighbours(v).SequenceEqual(b.Neighbours(v))), $"replicate {r}: the two points drew the same organisation");
        }

        Assert.NotEqual(Shares(scenario, 0, 2), Shares(scenario, 1, 2));
    }

    [Fact]
    public void Fresh_IsDeterministicWhateverTheThreadCount()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(Text("organisation_per_point: fresh"), "per-point.yaml");
        double[][] one = Shares(scenario, 1, 1);
        Assert.Equal(one, Shares(scenario, 1, 4));
        Assert.Equal(one, Shares(ScenarioLoader.Parse(Text("organisation_per_point: fresh"), "per-point.yaml"), 1, 3));
    }

    [Fact]
    public void Fresh_KeepsTheDynamicsAndSeedingSeedsOfTheReplicate()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Text("organisation_per_point: fresh"), "per-point.yaml").Spec;
        MemoryRunStore store = TestRuns.InMemory(ScenarioLoader.Parse(Text("organisation_per_point: fresh"), "per-point.yaml"), 2);
        Assert.Equal(store.Result(new RunCoordinates(0, 0, 1)).Seed, store.Result(new RunCoordinates(1, 0, 1)).Seed);
        Assert.Equal(RunSeeds.Dynamics(spec.Seed, 1), store.Result(new RunCoordinates(1, 0, 1)).Seed);
    }

    [Fact]
    public void RunJson_RoundTripsFresh()
    {
        LoadedScenario original = ScenarioLoader.Load(TestRuns.ScenarioFile(Text("organisation_per_point: fresh")));
        string json = Path.Combine(TestPaths.TempDirectory(), "results", original.Spec.Name, "run.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        using (var writer = new StreamWriter(json))
        {
            OrgSim.Experiments.Output.RunManifest.Write(writer, original);
        }

        string first = File.ReadAllText(json);
        Assert.Contains("\"organisation_per_point\": \"fresh\"", first, StringComparison.Ordinal);
        LoadedScenario reloaded = ScenarioLoader.Load(json);
        Assert.Equal(OrganisationPerPoint.Fresh, reloaded.Spec.OrganisationPerPoint);
        Assert.All(reloaded.PointsOrBase, p => Assert.Equal(OrganisationPerPoint.Fresh, p.Spec.OrganisationPerPoint));
        var again = new StringWriter();
        OrgSim.Experiments.Output.RunManifest.Write(again, reloaded);
        Assert.Equal(first, again.ToString());
    }

    [Fact]
    public void AnUnknownValue_IsAOneLineErrorNamingTheChoices()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Text("organisation_per_point: new"), "per-point.yaml"));
        string message = Assert.Single(e.Errors).ToString();
        Assert.Contains("per-point.yaml:5:", message, StringComparison.Ordinal);
        Assert.Contains("fresh", message, StringComparison.Ordinal);
    }
}
