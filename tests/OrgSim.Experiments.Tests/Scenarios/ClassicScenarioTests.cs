using OrgSim.Core.Agents;
using OrgSim.Core.Model;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class ClassicScenarioTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: random, budget: 2, stage: 3}}]";

    [Fact]
    public void Parse_ReadsTheClassicKeys()
    {
        const string text = """
            stop_at_quiescence: true
            organisation: {generator: watts-strogatz, agents: 300, degree: 6, rewire: 0.2}
            model:
              learning: false
              active_weeks: 1
              adoption:
                rule: absolute-threshold
                threshold: {distribution: uniform, low: 1, high: 3}
            arms: [{name: a, seeding: {strategy: random, share: 0.05}}]
            """;
        ScenarioSpec spec = ScenarioLoader.Parse(text, "c.yaml").Spec;
        Assert.True(spec.StopAtQuiescence);
        Assert.Equal(NetworkKind.WattsStrogatz, spec.Organisation.Kind);
        Assert.Equal((300, 6.0, 0.2), (spec.Organisation.Agents, spec.Organisation.Degree, spec.Organisation.Rewire));
        Assert.False(spec.Model.Learning);
        Assert.Equal(1, spec.Model.ActiveWeeks);
        Assert.Equal(AdoptionRule.AbsoluteThreshold, spec.Model.Adoption);
        Assert.Equal(new ThresholdDistribution(ThresholdKind.Uniform, 1, 3), spec.Model.Threshold);
        Assert.Equal(15, spec.Arms[0].Seeding.Budget); // 5% of 300
    }

    [Theory]
    [InlineData("organisation: {generator: ring, agents: 100, span: 4}", "organisation.span does not apply to generator ring; remove it")]
    [InlineData("organisation: {generator: ring, agents: 100, degree: 3}", "organisation.degree is 3; a ring needs an even whole number from 2 to 99")]
    [InlineData("organisation: {generator: grid, agents: 1000}", "set organisation.width, e.g. to 25")]
    [InlineData("organisation: {generator: barabasi-albert, agents: 10, attachments: 10}", "organisation.attachments is 10; with 10 agents it must be below 10")]
    [InlineData("organisation: {generator: erdos-renyl, agents: 10}", "did you mean 'erdos-renyi'?")]
    [InlineData("model: {adoption: {rule: fractional-threshold, threshold: {value: 2}}}", "model.adoption.threshold.value is 2; must be in range [0, 1]")]
    [InlineData("model: {learning: maybe}", "model.learning is 'maybe'; must be true or false")]
    public void Parse_ReportsClassicMistakes(string organisation, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(organisation + "\n" + Arm, "c.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line == 1);
    }

    [Theory]
    [InlineData("{strategy: random}")]
    [InlineData("{strategy: random, budget: 3, share: 0.1}")]
    public void Parse_NeedsExactlyOneOfBudgetAndShare(string seeding)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse($"arms: [{{name: a, seeding: {seeding}}}]", "s.yaml"));
        Assert.Contains("needs exactly one of budget", error.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StoppedAtQuiescenceCarriesTheStateToTheHorizon()
    {
        // A threshold cascade on a ring is deterministic: once a week passes without change, nothing changes again.
        const string text = """
            horizon_weeks: 80
            replicates: 3
            stop_at_quiescence: true
            organisation: {generator: ring, agents: 60, degree: 2}
            model:
              learning: false
              deploy_probability: {unconscious_competence: 1}
              adoption: {rule: fractional-threshold, threshold: {value: 0.5}}
            arms: [{name: a, seeding: {strategy: random, budget: 1, stage: unconscious_competence}}]
            """;
        ScenarioSpec spec = ScenarioLoader.Parse(text, "q.yaml").Spec;
        foreach (RunResult run in TestRuns.InMemory(spec, threads: 2).Results)
        {
            // One seed on a ring of 60 spreads both ways, one agent a week each way: all adopt by week 30.
            Assert.Equal(30, run.QuiescenceTick! - 1);
            Assert.Equal(81, run.Series.RecordedTicks);
            for (int t = run.QuiescenceTick!.Value; t <= 80; t++)
            {
                Assert.Equal(60, run.Series.Count(t, Competency.Pacing, Stage.UnconsciousCompetence));
            }
        }
    }
}
