using System.Text.Json;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary><c>--set sweep.grid.KEY=[…]</c> adds a grid axis and <c>--set sweep.points=[…]</c> replaces the sweep; mistakes name the --set.</summary>
public class SweepOverridesTests
{
    private static ScenarioOverride Set(string text) => ScenarioOverride.FromSet(text).Override!;

    private static LoadedScenario Load(string file, params string[] sets) => ScenarioLoader.Load(TestPaths.Scenario(file), [.. sets.Select(Set)]);

    [Fact]
    public void GridAxis_MakesASweepOfAScenarioWithout()
    {
        LoadedScenario loaded = Load("quickstart.yaml", "seed=5", "sweep.grid.model.transmission=[0.05, 0.1]");
        Assert.Equal(["model.transmission"], loaded.ParameterPaths);
        Assert.Equal([0.05, 0.1], loaded.Points.Select(p => p.Spec.Model.Transmission));
        Assert.Equal(["0.05", "0.1"], loaded.Points.Select(p => p.ValueOf("model.transmission")));
        Assert.Equal(5UL, loaded.Spec.Seed);

        var writer = new StringWriter();
        RunManifest.Write(writer, loaded);
        JsonElement root = JsonDocument.Parse(writer.ToString()).RootElement;
        Assert.Equal(["seed=5", "sweep.grid.model.transmission=[0.05, 0.1]"], root.GetProperty("overrides").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0.05, root.GetProperty("model").GetProperty("transmission").GetDouble());
    }

    [Fact]
    public void GridAxis_IsAddedToTheFilesGridOrReplacesTheAxisOfItsKey()
    {
        LoadedScenario added = Load("sweep-transmission.yaml", "sweep.grid.model.practice.support_boost=[0, 1]");
        Assert.Equal(["model.transmission", "model.practice.support_boost"], added.ParameterPaths);
        Assert.Equal(10, added.Points.Count);
        Assert.Equal(["0.02", "0"], added.ParameterPaths.Select(added.Points[0].ValueOf));
        Assert.Equal(["0.02", "1"], added.ParameterPaths.Select(added.Points[1].ValueOf));

        LoadedScenario replaced = Load("sweep-transmission.yaml", "sweep.grid.model.transmission=[0.03]");
        Assert.Equal(0.03, Assert.Single(replaced.Points).Spec.Model.Transmission);
    }

    [Fact]
    public void Points_ReplaceTheSweep()
    {
        LoadedScenario loaded = Load("sweep-transmission.yaml", "sweep.points=[{model.transmission: 0.05}, {model.practice.base: 0.2}]");
        Assert.Equal(["model.transmission", "model.practice.base"], loaded.ParameterPaths);
        Assert.Equal(["0.05", "0.05"], loaded.Points.Select(p => p.ValueOf("model.transmission")));
        Assert.Equal([0.1, 0.2], loaded.Points.Select(p => p.Spec.Model.PracticeBase));
    }

    [Theory]
    [InlineData("quickstart.yaml", "sweep.grid.model.transmission=0.05", "--set sweep.grid.model.transmission=0.05: sweep.grid.model.transmission should be a non-empty list of values")]
    [InlineData("quickstart.yaml", "sweep.grid.replicates=[2, 3]", "--set sweep.grid.replicates=[2, 3]: sweep key 'replicates' cannot vary between points")]
    [InlineData("quickstart.yaml", "sweep.axes.model.transmission=[1]", "--set sweep.axes.model.transmission=[1]: there is no sweep key 'axes'; --set 'sweep.grid.model.transmission=[0.05, 0.1]' adds a grid axis")]
    [InlineData("quickstart.yaml", "sweep=3", "--set sweep=3: the sweep should be a mapping with grid or points")]
    [InlineData("quickstart.yaml", "sweep.grid.model.transmission=[0.05, 1.5]", "sweep point 1 (model.transmission=1.5, from --set): model.transmission is 1.5; must be in range [0, 1]")]
    [InlineData("quickstart.yaml", "sweep.grid.model.transmision=[0.05]", "unknown key 'transmision' in model; did you mean 'transmission'?")]
    [InlineData("quickstart.yaml", "sweeps.grid.model.transmission=[0.05]", "--set sweeps.grid.model.transmission=[0.05]: unknown key 'sweeps' at the top level; did you mean 'sweep'?")]
    public void Mistake_NamesTheSetWithoutALine(string file, string set, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => Load(file, "seed=5", set));
        ScenarioError found = Assert.Single(error.Errors);
        Assert.Contains(message, found.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (found.Line, found.Column));
        Assert.DoesNotContain("seed=5", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GridAxis_OntoAPointsSweep_SaysHowToReplaceIt()
    {
        string file = Path.Combine(TestPaths.TempDirectory(), "points.yaml");
        File.WriteAllText(file, "arms: [{name: a, seeding: {strategy: random, budget: 5}}]\nsweep:\n  points:\n    - {model.transmission: 0.05}\n");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file, [Set("sweep.grid.model.practice.base=[0.1, 0.2]")]));
        Assert.Equal("--set sweep.grid.model.practice.base=[0.1, 0.2]: the scenario's sweep is not a grid, so a grid axis cannot be added to it; replace the whole sweep with --set 'sweep.points=[…]', or edit the file", error.Errors.Single().Message);
    }

    [Fact]
    public void RunJson_OfASweepFromSet_LoadsBackButRefusesAnotherSweepSet()
    {
        LoadedScenario original = Load("quickstart.yaml", "sweep.grid.model.transmission=[0.05, 0.1]", "replicates=2");
        string json = Path.Combine(TestPaths.TempDirectory(), "run.json");
        using (var writer = new StreamWriter(json))
        {
            RunManifest.Write(writer, original);
        }

        LoadedScenario reloaded = ScenarioLoader.Load(json);
        Assert.Equal([0.05, 0.1], reloaded.Points.Select(p => p.Spec.Model.Transmission));
        var again = new StringWriter();
        RunManifest.Write(again, reloaded);
        Assert.Equal(File.ReadAllText(json), again.ToString());

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(json, [Set("sweep.grid.model.practice.base=[0.1]")]));
        Assert.Contains("a run.json's sweep is the one its run had", error.Errors.Single().Message, StringComparison.Ordinal);
    }
}
