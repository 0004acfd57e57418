using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>The calibration section of a scenario: its keys, defaults, --set and one-line errors.</summary>
public class CalibrationReaderTests
{
    private const string Base = """
        name: c
        seed: 3
        horizon_weeks: 20
        organisation: {agents: 60, span: 5}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 5}
          - name: bottom-up
            seeding: {strategy: bottom-up-scattered, budget: 5}

        """;

    private static LoadedScenario Load(string calibration, params string[] sets) =>
        ScenarioLoader.Parse(Base + calibration, "c.yaml", [.. sets.Select(s => ScenarioOverride.FromSet(s).Override!)]);

    private static string Error(string calibration, params string[] sets) =>
        string.Join("\n", Assert.Throws<ScenarioException>(() => Load(calibration, sets)).Errors.Select(e => e.ToString()));

    [Fact]
    public void Section_TakesTheSensitivitySyntax_AndDefaults()
    {
        LoadedScenario loaded = Load("calibration: {arm: bottom-up, parameters: {model.transmission: [0.01, 0.2], arms.bottom-up.seeding.budget: {low: 2, high: 9}}}");
        CalibrationSpec spec = loaded.Calibration!;
        Assert.Equal("bottom-up", spec.Arm);
        Assert.Equal(CalibrationSpec.DefaultParticles, spec.Settings.PopulationSize);
        Assert.Equal(0.5, spec.Settings.Alpha);
        Assert.Null(spec.Compare);
        Assert.Null(spec.Seed);
        Assert.Equal(["model.transmission", "arms.bottom-up.seeding.budget"], spec.Parameters.Select(p => p.Path));
        Assert.False(spec.Parameters[0].Whole);
        Assert.True(spec.Parameters[1].Whole);
        Assert.NotEqual(spec.SeedFor(3), spec.SeedFor(4));
        Assert.Single(loaded.PointsOrBase); // orgsim run ignores the section
    }

    [Fact]
    public void Section_TakesEveryKey_AndSetOverridesThem()
    {
        LoadedScenario loaded = Load(
            "calibration: {arm: top-down, method: abc-smc, particles: 50, max_generations: 4, min_acceptance: 0.1, alpha: 0.3, seed: 9, compare: competent, parameters: {model.transmission: [0.01, 0.2]}}",
            "calibration.particles=70", "calibration.parameters.model.transmission=[0.02, 0.3]");
        CalibrationSpec spec = loaded.Calibration!;
        Assert.Equal(70, spec.Settings.PopulationSize);
        Assert.Equal(4, spec.Settings.MaxGenerations);
        Assert.Equal(0.1, spec.Settings.MinAcceptanceRate);
        Assert.Equal(0.3, spec.Settings.Alpha);
        Assert.Equal(9UL, spec.Seed);
        Assert.Equal(CalibrationCompare.Competent, spec.Compare);
        Assert.Equal((0.02, 0.3), (spec.Parameters[0].Low, spec.Parameters[0].High));
    }

    [Theory]
    [InlineData("calibration: {parameters: {model.transmission: [0.01, 0.2]}}", "c.yaml:10:14: calibration.arm is missing and the scenario has 2 arms (top-down, bottom-up); name the one the organisation actually ran, e.g. arm: top-down")]
    [InlineData("calibration: {arm: botom-up, parameters: {model.transmission: [0.01, 0.2]}}", "c.yaml:10:20: calibration.arm is 'botom-up', not an arm of the scenario; name one of top-down, bottom-up (did you mean 'bottom-up'?)")]
    [InlineData("calibration: {arm: top-down, particle: 20, parameters: {model.transmission: [0.01, 0.2]}}", "did you mean 'particles'?")]
    [InlineData("calibration: {arm: top-down, method: abc, parameters: {model.transmission: [0.01, 0.2]}}", "calibration.method is 'abc'")]
    [InlineData("calibration: {arm: top-down, compare: stage, parameters: {model.transmission: [0.01, 0.2]}}", "did you mean 'stages'?")]
    [InlineData("calibration: {arm: top-down}", "calibration.parameters is missing; add e.g.")]
    [InlineData("calibration: {arm: top-down, parameters: {model.transmission: [0.01, 2]}}", "calibration.parameters.model.transmission: the range [0.01, 2] goes beyond what model.transmission takes")]
    [InlineData("calibration: {arm: top-down, parameters: {model.transmission: [0.2, 0.1]}}", "calibration.parameters.model.transmission: range of 'model.transmission' is [0.2, 0.1]; low must be below high")]
    [InlineData("calibration: {arm: top-down, particles: 1, parameters: {model.transmission: [0.01, 0.2]}}", "calibration.particles")]
    [InlineData("calibration: {arm: top-down, min_acceptance: 0, parameters: {model.transmission: [0.01, 0.2]}}", "must be in range [0.0001, 1]")]
    [InlineData("calibration: {arm: top-down, parameters: {horizon_weeks: [10, 20]}}", "c.yaml:10:58: calibration.parameters key 'horizon_weeks' cannot be fitted")]
    [InlineData("calibration: {arm: top-down, parameters: {model.transmision: [0.01, 0.2]}}", "c.yaml:10:43: the priors' low ends (model.transmision=0.01) and 1 more point: unknown key 'transmision' in model; did you mean 'transmission'?")]
    [InlineData("calibration: {arm: top-down, parameters: {arms.top-down.name: [1, 3]}}", "calibration.parameters key 'arms.top-down.name' is an arm's name, not a number to fit")]
    public void Problem_IsOneLine_AtItsPlace(string section, string expected)
    {
        string error = Error(section);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Set_ProblemNamesTheSet()
    {
        string error = Error("calibration: {arm: top-down, parameters: {model.transmission: [0.01, 0.2]}}", "calibration.particles=0");
        Assert.StartsWith("c.yaml: --set calibration.particles=0: calibration.particles is 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltSection_SuggestsCalibration()
    {
        Assert.Contains("did you mean 'calibration'?", Error("calibraton: {arm: top-down}"), StringComparison.Ordinal);
    }
}
