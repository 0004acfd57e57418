using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary><c>model.adoption.threshold.distribution: column</c>: each agent's threshold from a column of a file.</summary>
public class ThresholdColumnTests
{
    private const string Model = """
        model:
          learning: false
          deploy_probability: {unconscious_competence: 1}
          relationships: {team_peer: {weight: 1, interactions_per_week: 1}}
          adoption: {rule: fractional-threshold, threshold: {distribution: column, column: theta}}
        arms: [{name: a, seeding: {strategy: random, budget: 1, competencies: all, stage: unconscious_competence}}]
        """;

    /// <summary>A scenario beside an attribute file: the scenario's text and the file's, in a fresh folder.</summary>
    private static string Write(string scenario, string attributes, string name = "attributes.csv")
    {
        string folder = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(folder, name), attributes);
        string file = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(file, scenario);
        return file;
    }

    private static string Ring(string attributes = "attributes.csv") =>
        $"horizon_weeks: 20\nreplicates: 1\norganisation: {{generator: ring, agents: 6, degree: 2, attributes: {attributes}}}\n" + Model;

    private static string Thetas(params string[] values) => "agent,theta\n" + string.Join("", values.Select((v, i) => $"{i},{v}\n"));

    [Fact]
    public void ClassicGranovetter_ReproducesTheRiotAndItsCollapse()
    {
        // scenarios/classic-granovetter.yaml: thresholds 0 … 99 on a complete graph of 100; one
        // threshold moved from 1 to 2. No chance in the rule: exactly 100 and exactly 1 riot.
        LoadedScenario scenario = ScenarioLoader.Load(TestPaths.Scenario("classic-granovetter.yaml"));
        Assert.Empty(Preflight.Check(scenario));
        MemoryRunStore store = TestRuns.InMemory(scenario, threads: 2);
        Assert.All(Enumerable.Range(0, scenario.Spec.Replicates), r =>
        {
            Assert.Equal(1.0, store.Result(new RunCoordinates(0, 0, r)).Series.CompetentShare(scenario.Spec.HorizonWeeks));
            Assert.Equal(0.01, store.Result(new RunCoordinates(0, 1, r)).Series.CompetentShare(scenario.Spec.HorizonWeeks), 12);
        });
    }

    [Fact]
    public void Thresholds_AreTheColumnAgentByAgent()
    {
        LoadedScenario scenario = ScenarioLoader.Load(Write(Ring(), "agent,theta,other\n3,0.3,x\n0,0,x\n1,0.1,x\n2,0.2,x\n5,0.5,x\n4,0.4,x\n"));
        ScenarioSpec spec = scenario.Spec;
        Assert.Equal(new ThresholdDistribution(ThresholdKind.Column, 0.25) { Column = "theta" }, spec.Model.Threshold);
        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, 1);
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5], AgentAttributes.Thresholds(spec.Organisation, graph, spec.Arms[0].Model));
        Assert.Empty(Preflight.Check(scenario));
    }

    [Fact]
    public void HrExport_ReadsTheColumnFromTheExportItself()
    {
        string hr = "employee_id,manager_id,team,threshold\nE1,,Board,0.9\nE2,E1,Ops,0.1\nE3,E1,Ops,0.2\nE4,E2,Ops,0.3\n";
        string text = "horizon_weeks: 10\nreplicates: 1\norganisation: {generator: hr-export, file: hr.csv}\n" + Model.Replace("column: theta", "column: threshold", StringComparison.Ordinal);
        LoadedScenario scenario = ScenarioLoader.Load(Write(text, hr, "hr.csv"));
        ScenarioSpec spec = scenario.Spec;
        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 0));
        double[] thresholds = AgentAttributes.Thresholds(spec.Organisation, graph, spec.Arms[0].Model);
        var expected = new Dictionary<string, double> { ["E1"] = 0.9, ["E2"] = 0.1, ["E3"] = 0.2, ["E4"] = 0.3 };
        Assert.All(Enumerable.Range(0, graph.NodeCount), v => Assert.Equal(expected[graph.Name(v)], thresholds[v]));
        Assert.Empty(Preflight.Check(scenario));
        Assert.Single(TestRuns.InMemory(scenario, threads: 1).Results);
    }

    [Fact]
    public void AThresholdColumnChangesTheOutcomeAsTheThresholdsSay()
    {
        // A ring of 6 with one seed: next to an adopter the deploying share is 1/2, so thresholds of
        // 0.5 tip everybody and thresholds of 0.6 stop the cascade at the seed.
        int Adopters(string thetas)
        {
            LoadedScenario scenario = ScenarioLoader.Load(Write(Ring(), thetas));
            RunResult run = TestRuns.InMemory(scenario, threads: 1).Results[0];
            return (int)Math.Round(run.Series.CompetentShare(scenario.Spec.HorizonWeeks) * 6);
        }

        Assert.Equal(6, Adopters(Thetas("0.5", "0.5", "0.5", "0.5", "0.5", "0.5")));
        Assert.Equal(1, Adopters(Thetas("0.6", "0.6", "0.6", "0.6", "0.6", "0.6")));
    }

    [Theory]
    [InlineData("agent,theta\n0,0.1\n1,abc\n", 3, "column \"theta\" is \"abc\", not a number; write a number with a '.' for decimals (a share of contacts in [0, 1] for the fractional-threshold rule)")]
    [InlineData("agent,theta\n0,0.1\n1,1.5\n", 3, "column \"theta\" is 1.5; it must be a share of contacts in [0, 1] for the fractional-threshold rule")]
    [InlineData("agent,theta\n0,-0.1\n", 2, "column \"theta\" is -0.1; it must be a share of contacts in [0, 1] for the fractional-threshold rule")]
    [InlineData("agent,theta\n0,\n", 2, "column \"theta\" is blank; give every agent a number (a share of contacts in [0, 1] for the fractional-threshold rule)")]
    [InlineData("agent,theta\n0,0.1\n,0.2\n", 3, "the agent id in column \"agent\" is blank; give every row the id of its agent")]
    [InlineData("agent,theta\n0,0.1\n1,0.2\n0,0.3\n", 4, "agent \"0\" already has a row (row 2); keep one row per agent")]
    [InlineData("agent,thetta\n0,0.1\n", 1, "column \"theta\" is missing (model.adoption.threshold.column names it for each agent's threshold); the header has \"agent\", \"thetta\"; did you mean \"thetta\"?")]
    public void AWrongValue_IsOneLineNamingTheFileAndRow(string attributes, int row, string expected)
    {
        string file = Write(Ring(), attributes);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
        ScenarioError only = Assert.Single(e.Errors);
        Assert.Equal(expected, only.Message);
        Assert.Equal(row, only.Line);
        Assert.EndsWith("attributes.csv", only.File, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', only.ToString());
    }

    [Fact]
    public void AnAbsoluteRule_TakesCountsAndRefusesNegatives()
    {
        string text = Ring().Replace("fractional-threshold", "absolute-threshold", StringComparison.Ordinal);
        Assert.Equal(ThresholdKind.Column, ScenarioLoader.Load(Write(text, Thetas("1", "2", "2", "1", "0", "2"))).Spec.Model.Threshold.Kind);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Write(text, Thetas("1", "-2", "2", "1", "0", "2"))));
        Assert.Equal("column \"theta\" is -2; it must be a number of contacts in [0, 10000] for the absolute-threshold rule", Assert.Single(e.Errors).Message);
    }

    [Theory]
    [InlineData("horizon_weeks: 5\norganisation: {generator: ring, agents: 6, degree: 2}\n" + Model, "model.adoption.threshold.distribution column needs a file of agent values: add organisation.attributes: FILE.csv (a column of agent ids, then a column per attribute; generator ring numbers its agents 0 … agents − 1)")]
    [InlineData("horizon_weeks: 5\norganisation: {generator: ring, agents: 6, degree: 2, attributes: none.csv}\n" + Model, "organisation.attributes 'none.csv' is not found")]
    [InlineData("horizon_weeks: 5\norganisation: {generator: ring, agents: 6, degree: 2, attributes: attributes.csv}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "organisation.attributes is read only for model.adoption.threshold.distribution: column with a threshold rule; use it, or remove organisation.attributes")]
    public void AMissingOrUnusedFile_IsOneLineOnTheScenario(string text, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Write(text, Thetas("0.1"))));
        ScenarioError only = Assert.Single(e.Errors);
        Assert.StartsWith(expected, only.Message, StringComparison.Ordinal);
        Assert.EndsWith("scenario.yaml", only.File, StringComparison.Ordinal);
        Assert.True(only.Line > 0);
    }

    [Fact]
    public void AMissingColumnName_IsAnError()
    {
        string text = Ring().Replace(", column: theta", string.Empty, StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Write(text, Thetas("0.1"))));
        Assert.StartsWith("model.adoption.threshold.column is missing;", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent,theta\n0,0.1\n1,0.1\n2,0.1\n3,0.1\n4,0.1\n", 1, "agent \"5\" of the organisation has no row; add a row per agent with its id in column \"agent\"")]
    [InlineData("agent,theta\n0,0.1\n1,0.1\n2,0.1\n3,0.1\n4,0.1\n5,0.1\n6,0.1\nx,0.1\n", 8, "agent \"6\" (and 1 more) is not an agent of the organisation (the agents are 0 … 5); correct the id or remove the row")]
    public void Preflight_NamesAgentsWithNoRowAndRowsWithNoAgent(string attributes, int row, string expected)
    {
        LoadedScenario scenario = ScenarioLoader.Load(Write(Ring(), attributes));
        ScenarioError only = Assert.Single(Preflight.Check(scenario));
        Assert.Equal(expected, only.Message);
        Assert.Equal(row, only.Line);
        Assert.Equal(scenario.Spec.Organisation.AttributesPath, Path.GetFullPath(only.File));
    }

    [Fact]
    public void Run_WithAnAgentMissing_FailsBeforeWritingAnything()
    {
        string file = Write(Ring(), "agent,theta\n0,0.1\n");
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(file, []), Out = folder, Threads = 1, NoReport = true }, new RunListener());
        Assert.NotEqual(JobStatus.Success, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Contains("has no row", StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(), "the run wrote into its folder");
    }

    [Fact]
    public void RunJson_RoundTripsTheColumnAndTheFile()
    {
        LoadedScenario original = ScenarioLoader.Load(Write(Ring(), Thetas("0.5", "0.5", "0.5", "0.5", "0.5", "0.5")));
        string json = Path.Combine(TestPaths.TempDirectory(), "results", original.Spec.Name, "run.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        using (var writer = new StreamWriter(json))
        {
            RunManifest.Write(writer, original);
        }

        string first = File.ReadAllText(json);
        Assert.Contains("\"attributes\": \"attributes.csv\"", first, StringComparison.Ordinal);
        Assert.Contains("\"column\": \"theta\"", first, StringComparison.Ordinal);
        LoadedScenario reloaded = ScenarioLoader.Load(json);
        Assert.Equal(original.Spec.Organisation, reloaded.Spec.Organisation);
        Assert.Equal(original.Spec.Model, reloaded.Spec.Model);
        var again = new StringWriter();
        RunManifest.Write(again, reloaded);
        Assert.Equal(first, again.ToString());

        // The file edited after the run: rerunning from run.json would not be the same run.
        File.WriteAllText(original.Spec.Organisation.AttributesPath, Thetas("0.6", "0.5", "0.5", "0.5", "0.5", "0.5"));
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(json));
        Assert.Contains("organisation.attributes 'attributes.csv' has changed since the run", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }
}
