using System.Text.Json;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>A run.json loads back as the scenario that made it: the same base, sweep points and arms, the same tables, the same run.json.</summary>
public class RunJsonScenarioTests
{
    /// <summary>A points sweep with gaps, an arm's own model, a share, waves and an overlay: the cases run.json must not flatten.</summary>
    private const string Tricky = """
        # What if the arms differ?
        name: tricky
        description: A small scenario with every case run.json has to keep.
        seed: 77
        horizon_weeks: 12
        replicates: 2
        organisation:
          agents: 120
          span: {min: 4, max: 6}
          overlays:
            mentoring: {mentee_share: 0.2}
        model:
          practice: {base: 0.2}
          adoption: {threshold: {distribution: uniform, high: 0.5}}
        arms:
          - name: plain
            seeding: {strategy: random, share: 0.05}
          - name: own
            seeding:
              - {strategy: top-down, budget: 5, competencies: [decisiveness], week: 0}
              - {strategy: top-down, budget: 5, competencies: [pacing], week: 4}
            model:
              practice: {base: 0.3}
              relationships: {manager: {weight: 2}}
        sweep:
          points:
            - {model.practice.base: 0.4, organisation.agents: 150}
            - {model.transmission: 0.07}
            - {arms.plain.seeding.share: 0.1, arms.own.model.relationships.manager.weight: 0.5}
        """;

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    private static ScenarioOverride Set(string text) => ScenarioOverride.FromSet(text).Override!;

    [Theory]
    [MemberData(nameof(Files))]
    public void BundledScenario_LoadsBackFromItsRunJson(string file)
    {
        LoadedScenario original = ScenarioLoader.Load(TestPaths.Scenario(file));
        (LoadedScenario reloaded, string first, string second) = RoundTrip(original);
        AssertSameScenario(original, reloaded);
        Assert.Equal(first, second);
    }

    [Fact]
    public void TrickyScenarioWithSets_LoadsBackWithTheSameSpecsAndRunJson()
    {
        string scenario = Path.Combine(TestPaths.TempDirectory(), "tricky.yaml");
        File.WriteAllText(scenario, Tricky);
        LoadedScenario original = ScenarioLoader.Load(scenario, [Set("model.forgetting.rate=0.2"), Set("replicates=3")]);
        (LoadedScenario reloaded, string first, string second) = RoundTrip(original);
        AssertSameScenario(original, reloaded);
        Assert.Equal(first, second);

        // The cases themselves: the arm keeps its own value at a point that does not name it, the share follows the agents.
        Assert.Equal([0.4, 0.4], reloaded.Points[0].Spec.Arms.Select(a => a.Model.PracticeBase));
        Assert.Equal([0.2, 0.3], reloaded.Points[1].Spec.Arms.Select(a => a.Model.PracticeBase));
        Assert.Equal([8, 6, 12], reloaded.Points.Select(p => p.Spec.Arms[0].Seeding.Budget));
        Assert.Equal(2, reloaded.Points[0].Spec.Arms[1].Waves.Count);
    }

    [Fact]
    public void TrickyScenario_RunFromItsRunJson_GivesByteIdenticalTables()
    {
        // As a user would: orgsim run the file with a --set, then orgsim run the run.json it wrote.
        string dir = TestPaths.TempDirectory();
        string scenario = Path.Combine(dir, "tricky.yaml");
        File.WriteAllText(scenario, Tricky);
        string first = Run(new ScenarioInput(scenario, ["model.forgetting.rate=0.2"]), Path.Combine(dir, "first"));
        string again = Run(new ScenarioInput(Path.Combine(first, ResultsFolder.ManifestFileName), []), Path.Combine(dir, "again"));
        foreach (string table in ResultsFolder.TableFileNames)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first, table)), File.ReadAllText(Path.Combine(again, table)));
        }
    }

    [Fact]
    public void ArmsWithNoSeedsOrNeighbourhoods_LoadBackWithTheSameSpecsAndRunJson()
    {
        string scenario = Path.Combine(TestPaths.TempDirectory(), "neighbourhoods.yaml");
        File.WriteAllText(scenario, """
            horizon_weeks: 4
            replicates: 1
            organisation: {generator: ring, agents: 40, degree: 4}
            arms:
              - {name: nobody, seeding: {strategy: none, week: 1}}
              - {name: one, seeding: {strategy: neighbourhood, centre: 7, competencies: [pacing]}}
              - {name: many, seeding: {strategy: random-neighbourhoods, neighbourhoods: 3, stage: 3}}
            """);
        LoadedScenario original = ScenarioLoader.Load(scenario);
        (LoadedScenario reloaded, string first, string second) = RoundTrip(original);
        AssertSameScenario(original, reloaded);
        Assert.Equal(first, second);
        Assert.Equal(original.Spec.Arms.Select(a => a.Seeding), reloaded.Spec.Arms.Select(a => a.Seeding));
    }

    [Fact]
    public void ErdosRenyiGnp_LoadsBackWithItsTieProbabilityAndNoDegree()
    {
        string scenario = Path.Combine(TestPaths.TempDirectory(), "gnp.yaml");
        File.WriteAllText(scenario, """
            horizon_weeks: 4
            replicates: 1
            organisation: {generator: erdos-renyi, agents: 60, tie_probability: 0.1}
            arms: [{name: a, seeding: {strategy: random, budget: 3}}]
            """);
        LoadedScenario original = ScenarioLoader.Load(scenario);
        (LoadedScenario reloaded, string first, string second) = RoundTrip(original);
        AssertSameScenario(original, reloaded);
        Assert.Equal(first, second);
        Assert.Equal(0.1, reloaded.Spec.Organisation.TieProbability);
        Assert.DoesNotContain("\"degree\"", first, StringComparison.Ordinal);
    }

    private static string Run(ScenarioInput input, string folder)
    {
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = input, Out = folder, Threads = 2, NoReport = true }, new RunListener());
        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        return folder;
    }

    [Fact]
    public void SweepOfTheGenerator_LoadsBackWithoutTheBaseGeneratorsKeys()
    {
        const string text = """
            name: generators
            horizon_weeks: 5
            replicates: 1
            organisation: {agents: 64}
            arms: [{name: a, seeding: {strategy: random, budget: 3}}]
            sweep:
              points:
                - {organisation.generator: teams}
                - {organisation.generator: ring, organisation.degree: 6}
                - {organisation.generator: grid}
            """;
        string scenario = Path.Combine(TestPaths.TempDirectory(), "generators.yaml");
        File.WriteAllText(scenario, text);
        LoadedScenario original = ScenarioLoader.Load(scenario);
        (LoadedScenario reloaded, string first, string second) = RoundTrip(original);
        AssertSameScenario(original, reloaded);
        Assert.Equal(first, second);
        Assert.Equal([NetworkKind.Teams, NetworkKind.Ring, NetworkKind.Grid], reloaded.Points.Select(p => p.Spec.Organisation.Kind));
    }

    [Fact]
    public void OlderRunJson_WithEmptyCellsForKeysLeftAtTheBase_LoadsTheSame()
    {
        string scenario = Path.Combine(TestPaths.TempDirectory(), "tricky.yaml");
        File.WriteAllText(scenario, Tricky);
        LoadedScenario original = ScenarioLoader.Load(scenario);
        string json = WriteRunJson(original);

        // As written before sweep.left_at_base: an empty cell for each key a point did not name.
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        var sweep = manifest["sweep"]!.AsObject();
        var left = sweep["left_at_base"]!.AsArray();
        var points = sweep["points"]!.AsArray();
        var parameters = sweep["parameters"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        for (int i = 0; i < points.Count; i++)
        {
            foreach (string path in left[i]!.AsArray().Select(p => p!.GetValue<string>()))
            {
                points[i]![parameters.IndexOf(path)] = string.Empty;
            }
        }

        sweep.Remove("left_at_base");
        File.WriteAllText(json, manifest.ToJsonString());
        AssertSameScenario(original, ScenarioLoader.Load(json));
    }

    [Fact]
    public void RunJson_TakesFurtherSetsOverItsValues()
    {
        LoadedScenario original = ScenarioLoader.Load(TestPaths.Scenario("quickstart.yaml"), [Set("replicates=3")]);
        string json = WriteRunJson(original);
        LoadedScenario reloaded = ScenarioLoader.Load(json, [Set("model.transmission=0.2"), Set("arms.bottom-up.seeding.budget=9")]);
        Assert.Equal(0.2, reloaded.Spec.Model.Transmission);
        Assert.All(reloaded.Spec.Arms, a => Assert.Equal(0.2, a.Model.Transmission));
        Assert.Equal(9, reloaded.Spec.Arms.Single(a => a.Name == "bottom-up").Seeding.Budget);
        Assert.Equal(["replicates=3", "model.transmission=0.2", "arms.bottom-up.seeding.budget=9"], reloaded.Sets.Select(s => $"{s.Path}={s.Text}"));
        Assert.Equal(3, reloaded.Spec.Replicates);
    }

    [Fact]
    public void RunJson_ErrorsPointIntoTheRunJson()
    {
        string json = WriteRunJson(ScenarioLoader.Load(TestPaths.Scenario("quickstart.yaml")));
        string[] lines = File.ReadAllLines(json);
        int line = Array.FindIndex(lines, l => l.Contains("\"transmission\"", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("0.05", "1.5", StringComparison.Ordinal);
        File.WriteAllLines(json, lines);
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(json));
        ScenarioError first = error.Errors[0];
        Assert.Equal((json, line + 1), (first.File, first.Line));
        Assert.EndsWith("model.transmission is 1.5; must be in range [0, 1]", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunJson_RefusesADataFileThatChangedSinceTheRun()
    {
        string folder = TestPaths.TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(TestPaths.Scenario("hr-import.yaml"), Path.Combine(folder, "hr-import.yaml"));
        File.Copy(TestPaths.Scenario(Path.Combine("data", "northwind-hr.csv")), Path.Combine(folder, "data", "northwind-hr.csv"));
        string json = WriteRunJson(ScenarioLoader.Load(Path.Combine(folder, "hr-import.yaml")));
        Assert.Equal(325, ScenarioLoader.Load(json).Spec.Organisation.Agents);

        File.AppendAllText(Path.Combine(folder, "data", "northwind-hr.csv"), "\n");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(json));
        Assert.Contains("organisation.file 'data/northwind-hr.csv' has changed since the run", error.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(json, error.Errors.Single().File);
    }

    [Theory]
    [InlineData("{\"a\": 1}", "is not a run.json written by orgsim")]
    [InlineData("{\"tool\": \"orgsim\", \"overrides\": []}", "scenario_file is missing")]
    [InlineData("{\"tool\": \"orgsim\", ", "is not a valid run.json")]
    public void NotARunJson_IsALocatedError(string text, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "x/run.json"));
        Assert.Contains(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.File == "x/run.json");
    }

    private static (LoadedScenario Reloaded, string First, string Second) RoundTrip(LoadedScenario original)
    {
        string json = WriteRunJson(original);
        LoadedScenario reloaded = ScenarioLoader.Load(json);
        var again = new StringWriter();
        RunManifest.Write(again, reloaded);
        return (reloaded, File.ReadAllText(json), again.ToString());
    }

    private static string WriteRunJson(LoadedScenario scenario)
    {
        string json = Path.Combine(TestPaths.TempDirectory(), "results", scenario.Spec.Name, "run.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        using (var writer = new StreamWriter(json))
        {
            RunManifest.Write(writer, scenario);
        }

        return json;
    }

    private static void AssertSameScenario(LoadedScenario expected, LoadedScenario actual)
    {
        Assert.Equal((expected.File, expected.Sha256, expected.Question), (actual.File, actual.Sha256, actual.Question));
        Assert.Equal(expected.Sets.Select(s => $"{s.Path}={s.Text}"), actual.Sets.Select(s => $"{s.Path}={s.Text}"));
        Assert.Equal(expected.ParameterPaths, actual.ParameterPaths);
        Assert.Equal(expected.Warnings, actual.Warnings);
        AssertSameSpec(expected.Spec, actual.Spec);
        Assert.Equal(expected.PointsOrBase.Count, actual.PointsOrBase.Count);
        for (int p = 0; p < expected.PointsOrBase.Count; p++)
        {
            SweepPoint e = expected.PointsOrBase[p], a = actual.PointsOrBase[p];
            AssertSameSpec(e.Spec, a.Spec);
            Assert.Equal(expected.ParameterPaths.Select(e.ValueOf), actual.ParameterPaths.Select(a.ValueOf));
            Assert.Equal(e.Parameters.Select(o => o.IsBaseValue), a.Parameters.Select(o => o.IsBaseValue));
        }
    }

    /// <summary>Record equality, list by list; the organisation up to the values its generator never reads.</summary>
    private static void AssertSameSpec(ScenarioSpec expected, ScenarioSpec actual)
    {
        Assert.Equal(expected with { Arms = [], Organisation = Used(expected.Organisation) }, actual with { Arms = [], Organisation = Used(actual.Organisation) });
        Assert.Equal(expected.Arms.Count, actual.Arms.Count);
        for (int i = 0; i < expected.Arms.Count; i++)
        {
            ArmSpec e = expected.Arms[i], a = actual.Arms[i];
            Assert.Equal((e.Name, e.Model), (a.Name, a.Model));
            Assert.Equal(e.Waves, a.Waves);
            Assert.Equal(e.WaveShares, a.WaveShares);
        }

        // The canonical form too: what run.json writes of it.
        Assert.Equal(Canonical(expected), Canonical(actual));
    }

    /// <summary>
    /// The organisation without the values its generator does not read: a scenario file leaves the
    /// HR-import options of a hierarchy, and the hierarchy's cross-team ties of an import, at values
    /// that depend on which keys were written, and run.json writes every key the generator reads.
    /// </summary>
    private static OrganisationSpec Used(OrganisationSpec o) => o with
    {
        HrImport = o.Kind == NetworkKind.HrExport ? o.HrImport : new HrImportOptions(),
        Hierarchy = o.Kind is NetworkKind.HrExport or NetworkKind.EdgeList ? o.Hierarchy with { CrossTeamTiesPerAgent = 0 } : o.Hierarchy,
    };

    private static string Canonical(ScenarioSpec spec)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            ScenarioJson.WriteSpec(json, spec, question: null);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
