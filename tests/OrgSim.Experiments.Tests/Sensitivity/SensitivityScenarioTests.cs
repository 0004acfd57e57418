using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

/// <summary>A scenario's sensitivity section: read into a design whose points the scenario runs, checked with one-line errors, kept in run.json.</summary>
public class SensitivityScenarioTests
{
    /// <summary>A small Morris screening: three model keys, a whole-number arm key, and an effectiveness weight that cannot change a share.</summary>
    internal const string Morris = """
        name: what-decides-small
        seed: 11
        horizon_weeks: 20
        replicates: 2
        organisation: {generator: hierarchy, agents: 150, span: 6, cross_team_ties_per_agent: 2, executive_levels: 2}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 15}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 15}
        sensitivity:
          method: morris
          trajectories: 3
          levels: 4
          parameters:
            model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}
            arms.bottom-up.seeding.budget: [5, 40]
            metrics.effectiveness.chaos_penalty: [0, 1]
          outputs:
            - competent_share_final[bottom-up] - competent_share_final[top-down]
            - competent_share_final[top-down]

        """;

    private static LoadedScenario Load(string text) => ScenarioLoader.Load(TestRuns.ScenarioFile(text));

    private static string Error(string text) => Assert.Single(Assert.Throws<ScenarioException>(() => Load(text)).Errors).ToString();

    [Fact]
    public void MorrisSection_MakesTheDesignsPoints_WithWholeNumbersRounded()
    {
        LoadedScenario loaded = Load(Morris);

        SensitivitySpec spec = Assert.IsType<SensitivitySpec>(loaded.Sensitivity);
        Assert.Equal(3 * (3 + 1), loaded.Points.Count);
        Assert.Equal(["model.transmission", "arms.bottom-up.seeding.budget", "metrics.effectiveness.chaos_penalty"], loaded.ParameterPaths);
        Assert.Equal([false, true, false], spec.Parameters.Select(p => p.Whole));
        SensitivityDesign design = spec.CreateDesign();
        for (int p = 0; p < loaded.Points.Count; p++)
        {
            double transmission = loaded.Points[p].Spec.Model.Transmission;
            Assert.InRange(transmission, 0.01, 0.2);
            Assert.Equal(design.Value(p, 0), transmission, 1e-12);
            int budget = loaded.Points[p].Spec.Arms[1].Seeding.Budget;
            Assert.Equal((int)Math.Round(design.Value(p, 1), MidpointRounding.AwayFromZero), budget);
            Assert.Equal(15, loaded.Points[p].Spec.Arms[0].Seeding.Budget); // the other arm keeps its own
        }
    }

    [Fact]
    public void SobolSection_MakesNTimesKPlusTwoPoints()
    {
        string text = Morris.Replace("method: morris\n  trajectories: 3\n  levels: 4", "method: sobol\n  samples: 8", StringComparison.Ordinal);
        LoadedScenario loaded = Load(text);
        Assert.Equal(SensitivityMethod.Sobol, loaded.Sensitivity!.Method);
        Assert.Equal(8 * (3 + 2), loaded.Points.Count);
    }

    [Fact]
    public void WholeNumberModelKey_TheFileDoesNotWrite_IsRoundedToo()
    {
        // Sobol' values fall anywhere in the range, not on a grid; the file has no model section, so
        // the key is known to take whole numbers from the catalogue, not from having been read.
        string text = Morris.Replace("method: morris\n  trajectories: 3\n  levels: 4", "method: sobol\n  samples: 8", StringComparison.Ordinal)
            .Replace("    arms.bottom-up.seeding.budget: [5, 40]\n", "    model.practice.repetitions_to_practised: [3, 12]\n    arms.bottom-up.model.practice.repetitions_to_habit: [6, 20]\n", StringComparison.Ordinal);
        LoadedScenario loaded = Load(text);

        Assert.Equal([false, true, true, false], loaded.Sensitivity!.Parameters.Select(p => p.Whole));
        Assert.Contains(loaded.Points, p => p.Spec.Model.RepetitionsToPractised is not (3 or 6 or 9 or 12));
        Assert.All(loaded.Points, p => Assert.InRange(p.Spec.Arms[1].Model.RepetitionsToHabit, 6, 20));
    }

    [Fact]
    public void ManyPointsWrong_AreAFewLines_NotOnePerPoint()
    {
        // Every point of a Sobol' design asks for a remote share above 1 (a key only the organisation's
        // reader knows, so it is checked point by point): 40 different values, all wrong.
        string text = Morris.Replace("method: morris\n  trajectories: 3\n  levels: 4", "method: sobol\n  samples: 8", StringComparison.Ordinal)
            .Replace("    metrics.effectiveness.chaos_penalty: [0, 1]\n", "    organisation.remote_share: [1.5, 3]\n", StringComparison.Ordinal);
        var errors = Assert.Throws<ScenarioException>(() => Load(text)).Errors;

        Assert.Equal(6, errors.Count);
        Assert.All(errors.Take(5), e => Assert.Contains("organisation.remote_share is", e.Message, StringComparison.Ordinal));
        Assert.All(errors.Take(5), e => Assert.StartsWith("design point", e.Message, StringComparison.Ordinal));
        Assert.Matches(@"^and \d+ more mistakes at other points, of the kinds above; fix those and run again$", errors[5].Message);
    }

    [Fact]
    public void DesignSeed_FollowsTheScenarioSeed_UnlessTheSectionGivesOne()
    {
        LoadedScenario a = Load(Morris), b = Load(Morris.Replace("seed: 11", "seed: 12", StringComparison.Ordinal));
        Assert.NotEqual(a.Sensitivity!.Seed, b.Sensitivity!.Seed);
        Assert.NotEqual(a.Points[0].Spec.Model.Transmission, b.Points[0].Spec.Model.Transmission);

        string pinned = "  seed: 99\n  parameters:";
        LoadedScenario c = Load(Morris.Replace("  parameters:", pinned, StringComparison.Ordinal));
        LoadedScenario d = Load(Morris.Replace("seed: 11", "seed: 12", StringComparison.Ordinal).Replace("  parameters:", pinned, StringComparison.Ordinal));
        Assert.Equal(99UL, c.Sensitivity!.Seed);
        Assert.Equal(c.Points.Select(p => p.Spec.Model.Transmission), d.Points.Select(p => p.Spec.Model.Transmission));
    }

    [Theory]
    [InlineData("  method: morris\n", "  method: moris\n", "sensitivity.method is 'moris'; did you mean 'morris'?")]
    [InlineData("  levels: 4\n", "  levels: 4\n  samples: 64\n", "sensitivity.samples is for method sobol; method: morris takes trajectories and levels")]
    [InlineData("  levels: 4\n", "  levels: 5\n", "sensitivity: levels is 5; must be an even number")]
    [InlineData("  method: morris\n  trajectories: 3\n  levels: 4\n", "  method: sobol\n  samples: 6\n", "sensitivity: samples (N) is 6; must be a power of two")]
    [InlineData("    model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}\n", "    model.transmission: {low: 0, high: 0.2, scale: log-uniform}\n", "a log-uniform range must start above 0")]
    [InlineData("    model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}\n", "    model.transmission: {low: 0.2, high: 0.01}\n", "low must be below high")]
    [InlineData("    model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}\n", "    replicates: [2, 4]\n", "sensitivity.parameters key 'replicates' cannot vary between points")]
    [InlineData("    - competent_share_final[top-down]\n", "    - competent_share_fnal[top-down]\n", "unknown metric 'competent_share_fnal'; use a metric of summary.csv such as competent_share_final, weeks_to_50pct or competent_share_final_level_0 (did you mean 'competent_share_final'?)")]
    [InlineData("    - competent_share_final[top-down]\n", "    - competent_share_final[top-dwn]\n", "names arm 'top-dwn', which the scenario does not have; its arms are top-down, bottom-up (did you mean 'top-down'?)")]
    [InlineData("    - competent_share_final[top-down]\n", "    - competent_share_final\n", "should be METRIC[ARM] or METRIC[ARM1] - METRIC[ARM2]")]
    [InlineData("    arms.bottom-up.seeding.budget: [5, 40]\n", "    arms.bottom-up.seeding.budget: [5.1, 5.4]\n", "takes whole numbers, and [5.1, 5.4] holds fewer than two; widen the range")]
    [InlineData("    arms.bottom-up.seeding.budget: [5, 40]\n", "    model.transmision: [0.01, 0.1]\n", "transmision")]
    public void MistakeInTheSection_IsOneLineWithItsPlaceAndWhatToDo(string from, string to, string expected)
    {
        string error = Error(Morris.Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Matches(@"^[^:]+\.yaml:\d+:\d+: ", error);
    }

    [Fact]
    public void SetOfTheSection_ChangesTheDesign_ParameterPathsKeepTheirDots()
    {
        string file = TestRuns.ScenarioFile(Morris);
        ScenarioOverride Set(string text) => ScenarioOverride.FromSet(text).Override!;
        LoadedScenario loaded = ScenarioLoader.Load(file, [Set("sensitivity.trajectories=5"), Set("sensitivity.parameters.model.practice.base=[0.05, 0.2]")]);

        Assert.Equal(5, loaded.Sensitivity!.Trajectories);
        Assert.Equal("model.practice.base", loaded.Sensitivity.Parameters[^1].Path);
        Assert.Equal(5 * (4 + 1), loaded.Points.Count);
        Assert.All(loaded.Points, p => Assert.InRange(p.Spec.Model.PracticeBase, 0.05, 0.2));
    }

    [Fact]
    public void BadSetOfTheSection_IsNamedByItsSet()
    {
        string file = TestRuns.ScenarioFile(Morris);
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file, [ScenarioOverride.FromSet("sensitivity.outputs=[x]").Override!])).Errors;
        Assert.Equal("--set sensitivity.outputs=[x]: sensitivity.outputs[0]: output 'x' should be METRIC[ARM] or METRIC[ARM1] - METRIC[ARM2], e.g. competent_share_final[bottom-up] - competent_share_final[top-down]", Assert.Single(errors).Message);
        Assert.Equal(0, errors[0].Line);
    }

    [Fact]
    public void SetOfTheMethod_DropsTheOtherMethodsSizes()
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestRuns.ScenarioFile(Morris), [ScenarioOverride.FromSet("sensitivity.method=sobol").Override!]);
        Assert.Equal(SensitivityMethod.Sobol, loaded.Sensitivity!.Method);
        Assert.Equal(SensitivitySpec.DefaultSamples * (3 + 2), loaded.Points.Count);
    }

    [Theory]
    [InlineData("[0.2, 5]", "sensitivity.parameters.model.transmission: the range [0.2, 5] goes beyond what model.transmission takes (0 … 1); narrow it")]
    [InlineData("[-1, 0.5]", "the range [-1, 0.5] goes beyond what model.transmission takes (0 … 1)")]
    public void CataloguedKeysRange_IsCheckedOnce_AtItsLine(string range, string expected)
    {
        string error = Error(Morris.Replace("model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}", $"model.transmission: {range}", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(".yaml:16:", error, StringComparison.Ordinal); // the parameter's own line
    }

    [Fact]
    public void KeyThatTakesNoNumber_IsRefusedAsSuch()
    {
        string error = Error(Morris.Replace("model.transmission: {low: 0.01, high: 0.2, scale: log-uniform}", "model.adoption.threshold.distribution: [0, 1]", StringComparison.Ordinal));
        Assert.Contains("model.adoption.threshold.distribution takes text (fixed, uniform, normal, column), not a number, so it cannot vary over a range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputListedTwice_IsRefused()
    {
        string error = Error(Morris.Replace("    - competent_share_final[top-down]\n", "    - competent_share_final[top-down]\n    - competent_share_final [top-down]\n", StringComparison.Ordinal));
        Assert.Contains("sensitivity.outputs lists 'competent_share_final [top-down]' twice; keep one", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UncatalogedKeysBadValue_IsPlacedAtItsParameter()
    {
        var errors = Assert.Throws<ScenarioException>(() => Load(Morris.Replace("    metrics.effectiveness.chaos_penalty: [0, 1]\n", "    organisation.span: [0, 20]\n", StringComparison.Ordinal))).Errors;
        Assert.All(errors.Where(e => e.Message.Contains("organisation.span is 0", StringComparison.Ordinal)), e => Assert.Equal(18, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("organisation.span is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void SweepAndSensitivityTogether_AreRefused()
    {
        string error = Error(Morris + "sweep:\n  grid:\n    model.practice.base: [0.1, 0.2]\n");
        Assert.Contains("a scenario has a sweep or a sensitivity section, not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SensitivityRunJson_LoadsBackToTheSameDesignAndRunJson()
    {
        LoadedScenario original = Load(Morris);
        var first = new StringWriter();
        RunManifest.Write(first, original);
        string runJson = Path.Combine(TestPaths.TempDirectory(), "run.json");
        File.WriteAllText(runJson, first.ToString());

        LoadedScenario reloaded = ScenarioLoader.Load(runJson);
        var second = new StringWriter();
        RunManifest.Write(second, reloaded);

        Assert.Equal(original.Sensitivity!.Seed, reloaded.Sensitivity!.Seed);
        Assert.Equal(original.Sensitivity.Parameters, reloaded.Sensitivity.Parameters);
        Assert.Equal(original.Sensitivity.Outputs, reloaded.Sensitivity.Outputs);
        Assert.Equal(original.Points.Select(p => p.Spec.Model), reloaded.Points.Select(p => p.Spec.Model));
        Assert.Equal(original.Points.Select(p => p.Spec.Metrics), reloaded.Points.Select(p => p.Spec.Metrics));
        Assert.Equal(original.Points.Select(p => p.Spec.Arms[1].Seeding.Budget), reloaded.Points.Select(p => p.Spec.Arms[1].Seeding.Budget));
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void RunJsonWhoseDesignDoesNotMakeItsPoints_IsDamaged()
    {
        var manifest = new StringWriter();
        RunManifest.Write(manifest, Load(Morris));
        string edited = manifest.ToString().Replace("\"trajectories\": 3", "\"trajectories\": 4", StringComparison.Ordinal);
        string runJson = Path.Combine(TestPaths.TempDirectory(), "run.json");
        File.WriteAllText(runJson, edited);

        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(runJson)).Errors;
        Assert.Contains(errors, e => e.Message.Contains("sensitivity does not make the points listed under sweep; this run.json is damaged", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryMetricARunHas_IsAnOutputThatParses()
    {
        // The names RunMetrics writes for a run with outcomes (levels 0..2 stand for any).
        LoadedScenario loaded = Load(Morris);
        var store = TestRuns.InMemory(loaded.Points[0].Spec, threads: 1);
        IEnumerable<string> names = store.Runs.SelectMany(store.Metrics).Select(m => m.Key).Distinct().ToList();
        Assert.Contains("competent_share_final_level_0", names);
        foreach (string name in names)
        {
            Assert.Null(SensitivityOutput.Parse($"{name}[top-down]", ["top-down"]).Problem);
        }
    }
}
