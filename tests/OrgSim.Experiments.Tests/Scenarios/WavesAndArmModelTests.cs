using OrgSim.Core.Agents;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>An arm's seeding in waves, an arm's own model, and the metrics section.</summary>
public class WavesAndArmModelTests
{
    private const string OneAfterAnother = """
        name: waves
        seed: 3
        horizon_weeks: 30
        replicates: 2
        organisation: {agents: 400, span: 6}
        model:
          transmission: 0.02
        metrics:
          retention_weeks: 10
          effectiveness: {chaos_penalty: 0.8}
        arms:
          - name: sequence
            seeding:
              - {strategy: bottom-up-teams, budget: 30, competencies: [decisiveness], week: 0}
              - {strategy: bottom-up-teams, budget: 30, competencies: [circularity], week: 13}
            model:
              transmission: 0
              forgetting: {rate: 0.2}
          - name: once
            seeding: {strategy: bottom-up-teams, budget: 30, competencies: [decisiveness, circularity]}
        """;

    [Fact]
    public void Parse_ReadsWavesInWeekOrderAndTheArmsModelOverTheScenarios()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(OneAfterAnother, "waves.yaml").Spec;
        ArmSpec sequence = spec.Arms[0];
        Assert.Equal([0, 13], sequence.Waves.Select(w => w.Week));
        Assert.Equal(13, sequence.EndWeek);
        Assert.Equal(CompetencySet.Of(Competency.Decisiveness).With(Competency.Circularity), sequence.SeededCompetencies);

        // The arm overrides transmission and forgetting rate; the rest is the scenario's model.
        Assert.Equal(0, sequence.Model.Transmission);
        Assert.Equal(0.2, sequence.Model.ForgetRate);
        Assert.Equal(spec.Model.ForgetGraceWeeks, sequence.Model.ForgetGraceWeeks);
        Assert.Equal(0.02, spec.Arms[1].Model.Transmission);
        Assert.Equal(spec.Model, spec.Arms[1].Model);

        Assert.Equal(10, spec.Metrics.RetentionWeeks);
        Assert.Equal(0.8, spec.Metrics.Effectiveness.ChaosPenalty);
        Assert.Equal(0.1, spec.Metrics.Effectiveness.ImbalancePenalty);
    }

    [Theory]
    [InlineData("    seeding:\n      - {strategy: random, budget: 1, week: 5}\n      - {strategy: random, budget: 1, week: 2}", 7, 45, "arms[0].seeding[1].week is 2, before the previous wave's week 5; list the waves in week order")]
    [InlineData("    seeding: {strategy: random, budget: 1, week: 40}", 5, 50, "arms[0].seeding.week is 40; must be in range [0, 30]")]
    [InlineData("    seeding: []", 5, 14, "arms[0].seeding is an empty list")]
    [InlineData("    seeding: {strategy: random, budget: 1}\n    model: {practice: {flow: 1}}", 6, 24, "unknown key 'flow' in arms[0].model.practice")]
    [InlineData("    seeding: {strategy: random, budget: 1}\n    model: {forgetting: {strengthening: 11}}", 6, 41, "arms[0].model.forgetting.strengthening is 11; must be in range [0, 10]")]
    public void Parse_ReportsBadWavesAndArmModelsWithLineAndColumn(string arm, int line, int column, string message)
    {
        string text = "name: x\nhorizon_weeks: 30\narms:\n  - name: a\n" + arm;
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        ScenarioError first = error.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (first.Line, first.Column));
    }

    [Fact]
    public void Parse_UnknownMetricsKeyIsNamedWithASuggestion()
    {
        const string text = "name: x\nmetrics: {retention_week: 5}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]";
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("did you mean 'retention_weeks'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ALaterWaveTrainsTheSameCohortInItsWeek()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(OneAfterAnother, "waves.yaml").Spec;
        RunResult run = TestRuns.InMemory(spec, threads: 1).Results.First(r => r.Arm == "sequence");

        // Transmission 0 in this arm: nobody but the cohort can become aware or competent.
        int CompetentOrAware(int tick, Competency c) => 400 - run.Series.Count(tick, c, Stage.UnconsciousIncompetence);
        Assert.Equal(0, CompetentOrAware(12, Competency.Circularity));
        Assert.Equal(30, CompetentOrAware(13, Competency.Circularity));
        Assert.True(CompetentOrAware(13, Competency.Decisiveness) <= 30);
        Assert.NotNull(run.Retained); // week 13 + 10 is within the horizon of 30
    }

    [Fact]
    public void Run_RetentionPastTheHorizonIsUndefined()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(OneAfterAnother.Replace("retention_weeks: 10", "retention_weeks: 20", StringComparison.Ordinal), "waves.yaml").Spec;
        RunResult run = TestRuns.InMemory(spec, threads: 1).Results.First(r => r.Arm == "sequence");
        Assert.Null(run.Retained); // week 13 + 20 > 30
    }

    [Fact]
    public void Preflight_NamesTheWaveWhoseBudgetDoesNotFit()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(
            "name: x\norganisation: {agents: 50, span: 6}\narms:\n  - name: a\n    seeding:\n      - {strategy: random, budget: 5}\n      - {strategy: bottom-up-teams, budget: 49}",
            "bad.yaml");
        ScenarioError error = Assert.Single(Preflight.Check(loaded));
        Assert.Contains("arms[0].seeding[1].budget is 49", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }
}
