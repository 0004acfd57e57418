using System.Text.Json;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>A key a sweep point does not name has the value the run used — the base's — in every output, never an empty cell.</summary>
public class SweepPointValueTests
{
    private const string Base = """
        name: gaps
        organisation: {agents: 60, span: 6}
        model:
          practice: {base: 0.2}
        arms:
          - name: plain
            seeding: {strategy: random, budget: 5}
          - name: own
            seeding: {strategy: random, budget: 5}
            model:
              practice: {base: 0.3}
        sweep:
          points:
            - {model.practice.base: 0.4, organisation.span: 4}
            - {model.transmission: 0.07, arms.own.seeding.budget: 7}
            - {arms.own.model.practice.base: 0.35}
        """;

    private static ScenarioOverride Set(string text) => ScenarioOverride.FromSet(text).Override!;

    [Fact]
    public void ValueOf_AKeyThePointDoesNotName_IsTheBaseValue()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(Base, "gaps.yaml");
        Assert.Equal(["model.practice.base", "organisation.span", "model.transmission", "arms.own.seeding.budget", "arms.own.model.practice.base"], loaded.ParameterPaths);
        // A point's model.practice.base wins over the arm's own (precedence), so the arm runs with it too.
        Assert.Equal(["0.4", "4", "0.05", "5", "0.4"], loaded.ParameterPaths.Select(loaded.Points[0].ValueOf));
        Assert.Equal(["0.2", "6", "0.07", "7", "0.3"], loaded.ParameterPaths.Select(loaded.Points[1].ValueOf));
        Assert.Equal(["0.2", "6", "0.05", "5", "0.35"], loaded.ParameterPaths.Select(loaded.Points[2].ValueOf));

        // The values shown are the ones the points ran with.
        Assert.Equal(0.05, loaded.Points[0].Spec.Model.Transmission);
        Assert.Equal(5, loaded.Points[0].Spec.Arms[1].Seeding.Budget);
        Assert.Equal(0.3, loaded.Points[1].Spec.Arms[1].Model.PracticeBase);
        Assert.Equal([false, false, true, true, true], loaded.Points[0].Parameters.Select(p => p.IsBaseValue));
    }

    [Fact]
    public void ValueOf_AKeyThePointDoesNotName_IsTheBaseValueAfterSet()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(Base, "gaps.yaml", [Set("model.transmission=0.09"), Set("organisation.span=5")]);
        Assert.All(loaded.Points, p => Assert.Equal("0.09", p.ValueOf("model.transmission")));
        Assert.All(loaded.Points, p => Assert.Equal(0.09, p.Spec.Model.Transmission));
        Assert.Equal(["5", "5", "5"], loaded.Points.Select(p => p.ValueOf("organisation.span")));
    }

    [Fact]
    public void ValueOf_AKeyTheScenarioWritesOnlyAsWritten_IsTheFilesText()
    {
        string levels = Base.Replace("organisation: {agents: 60, span: 6}", "organisation: {levels: 3, span: 6}", StringComparison.Ordinal)
            .Replace("organisation.span: 4", "organisation.levels: 2", StringComparison.Ordinal);
        LoadedScenario loaded = ScenarioLoader.Parse(levels, "gaps.yaml");
        Assert.Equal(["2", "3", "3"], loaded.Points.Select(p => p.ValueOf("organisation.levels")));
    }

    [Fact]
    public void RunJson_ShowsTheBaseValueAndWhichKeysEachPointLeftAtIt()
    {
        var writer = new StringWriter();
        RunManifest.Write(writer, ScenarioLoader.Parse(Base, "gaps.yaml"));
        JsonElement sweep = JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("sweep");
        string[][] points = sweep.GetProperty("points").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
        Assert.Equal(["0.2", "6", "0.07", "7", "0.3"], points[1]);
        Assert.DoesNotContain(points.SelectMany(p => p), string.IsNullOrEmpty);
        string[][] left = sweep.GetProperty("left_at_base").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
        Assert.Equal(["model.transmission", "arms.own.seeding.budget", "arms.own.model.practice.base"], left[0]);
        Assert.Equal(["model.practice.base", "organisation.span", "arms.own.model.practice.base"], left[1]);
    }

    [Fact]
    public void RunJson_OfAGrid_HasNoKeysLeftAtTheBase()
    {
        var writer = new StringWriter();
        RunManifest.Write(writer, ScenarioLoader.Load(TestPaths.Scenario("sweep-transmission.yaml")));
        Assert.False(JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("sweep").TryGetProperty("left_at_base", out _));
    }

    [Fact]
    public void Text_OfAListOrMapping_IsFlowYamlThatReadsBackTheSame()
    {
        string text = Base.Replace("- {arms.own.model.practice.base: 0.35}", "- {arms.own.seeding.competencies: [pacing, feedforward], organisation.span: {min: 4, max: 6}}", StringComparison.Ordinal);
        LoadedScenario loaded = ScenarioLoader.Parse(text, "gaps.yaml");
        Assert.Equal("[pacing, feedforward]", loaded.Points[2].ValueOf("arms.own.seeding.competencies"));
        Assert.Equal("{min: 4, max: 6}", loaded.Points[2].ValueOf("organisation.span"));
        Assert.Equal("[decisiveness, circularity, pacing, feedforward]", loaded.Points[0].ValueOf("arms.own.seeding.competencies"));
    }
}
