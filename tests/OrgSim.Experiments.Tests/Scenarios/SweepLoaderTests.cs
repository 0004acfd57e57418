using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class SweepLoaderTests
{
    private const string Layers = """
        name: layers
        model:
          practice: {base: 0.2}
        arms:
          - name: plain
            seeding: {strategy: random, budget: 5}
          - name: own
            seeding: {strategy: random, budget: 5}
            model:
              practice: {base: 0.3}
        """;

    private static ScenarioOverride Set(string text) => ScenarioOverride.FromSet(text).Override!;

    [Fact]
    public void Precedence_DefaultThenBaseThenArmThenSweepPointThenSet()
    {
        // Default 0.1 < base 0.2 < arm 0.3.
        ScenarioSpec spec = ScenarioLoader.Parse(Layers, "l.yaml").Spec;
        Assert.Equal(0.1, new OrgSim.Core.Model.ModelParameters().PracticeBase);
        Assert.Equal([0.2, 0.3], spec.Arms.Select(a => a.Model.PracticeBase));
        Assert.Equal(0.1, ScenarioLoader.Parse(Layers.Replace("model:\n  practice: {base: 0.2}\n", string.Empty, StringComparison.Ordinal), "l.yaml").Spec.Arms[0].Model.PracticeBase);

        // A sweep point wins over the arm; --set wins over the point.
        string swept = Layers + "\nsweep:\n  points:\n    - {model.practice.base: 0.4}\n    - {model.transmission: 0.07}\n";
        LoadedScenario loaded = ScenarioLoader.Parse(swept, "l.yaml");
        Assert.Equal([0.4, 0.4], loaded.Points[0].Spec.Arms.Select(a => a.Model.PracticeBase));
        Assert.Equal([0.2, 0.3], loaded.Points[1].Spec.Arms.Select(a => a.Model.PracticeBase));
        Assert.Equal(["model.practice.base", "model.transmission"], loaded.ParameterPaths);
        Assert.Equal(["0.4", "0.05"], loaded.ParameterPaths.Select(loaded.Points[0].ValueOf));

        LoadedScenario set = ScenarioLoader.Parse(swept, "l.yaml", [Set("model.practice.base=0.5")]);
        Assert.All(set.Points, p => Assert.Equal([0.5, 0.5], p.Spec.Arms.Select(a => a.Model.PracticeBase)));
    }

    [Fact]
    public void Grid_IsTheCartesianProductWithTheLastKeyFastest()
    {
        string grid = Layers + "\nsweep:\n  grid:\n    model.transmission: [0.01, 0.02]\n    arms.plain.seeding.budget: [3, 4, 5]\n";
        LoadedScenario loaded = ScenarioLoader.Parse(grid, "g.yaml");
        Assert.Equal(6, loaded.Points.Count);
        Assert.Equal(["0.01", "3"], loaded.ParameterPaths.Select(loaded.Points[0].ValueOf));
        Assert.Equal(["0.01", "4"], loaded.ParameterPaths.Select(loaded.Points[1].ValueOf));
        Assert.Equal(["0.02", "5"], loaded.ParameterPaths.Select(loaded.Points[5].ValueOf));
        Assert.Equal(0.02, loaded.Points[5].Spec.Model.Transmission);
        Assert.Equal(5, loaded.Points[5].Spec.Arms[0].Seeding.Budget);
        Assert.Equal(5, loaded.Points[5].Spec.Arms[1].Seeding.Budget);
    }

    [Theory]
    [InlineData("sweep:\n  grid:\n    model.transmission: [0.01, 1.5]\n", 3, 32, "sweep point 1 (model.transmission=1.5): model.transmission is 1.5; must be in range [0, 1]")]
    [InlineData("sweep:\n  grid:\n    model.transmision: [0.01]\n", 3, 25, "unknown key 'transmision' in model; did you mean 'transmission'?")]
    [InlineData("sweep:\n  grid:\n    replicates: [2, 3]\n", 3, 5, "sweep key 'replicates' cannot vary between points")]
    [InlineData("sweep:\n  grd:\n    model.transmission: [0.01]\n", 2, 3, "unknown key 'grd' in sweep; use grid or points (did you mean 'grid'?)")]
    [InlineData("sweep:\n  grid:\n    model.transmission: 0.01\n", 3, 25, "sweep.grid.model.transmission should be a non-empty list of values")]
    public void Parse_ReportsSweepMistakesWithLineAndColumn(string sweep, int line, int column, string expected)
    {
        string text = Layers + "\n" + sweep;
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml"));
        ScenarioError first = error.Errors.First(e => e.Message.Contains(expected, StringComparison.Ordinal));
        int offset = Layers.Split('\n').Length;
        Assert.Equal((line + offset, column), (first.Line, first.Column));
    }
}
