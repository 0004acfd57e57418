using OrgSim.Core.Agents;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>Arms with <c>seeding: {strategy: none}</c>: nobody is trained, so only the model's own adoption moves anyone.</summary>
public class NoSeedArmTests
{
    private static string Scenario(string adoption) => $$$"""
        seed: 4
        horizon_weeks: 20
        replicates: 2
        organisation: {generator: complete, agents: 100}
        model:
          learning: false
          deploy_probability: {unconscious_competence: 1}
          adoption: {{{adoption}}}
        arms: [{name: nobody, seeding: {strategy: none}}]
        """;

    [Fact]
    public void Parse_StrategyNoneNeedsNoBudgetAndSeedsNobody()
    {
        ArmSpec arm = ScenarioLoader.Parse(Scenario("{rule: bass, innovation: 0.05}"), "n.yaml").Spec.Arms.Single();
        Assert.Equal(SeedingStrategy.None, arm.Seeding.Strategy);
        Assert.Equal(0, arm.Seeding.Budget);
    }

    [Fact]
    public void Bass_WithInnovationAndNoSeeds_Spreads()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Scenario("{rule: bass, innovation: 0.05, imitation: 0.3}"), "n.yaml").Spec;
        foreach (RunResult run in TestRuns.InMemory(spec, threads: 2).Results)
        {
            Assert.Equal(0, run.Series.CompetentShare(0));

            // p = 0.05 alone leaves 0.95^20 = 36% unaware after 20 weeks; imitation only adds to it.
            Assert.True(run.Series.CompetentShare(20) > 0.5, $"replicate {run.Replicate}: {run.Series.CompetentShare(20)}");
        }
    }

    [Fact]
    public void Threshold_WithNoSeeds_StaysAtZero()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Scenario("{rule: fractional-threshold, threshold: {value: 0.1}}"), "n.yaml").Spec;
        foreach (RunResult run in TestRuns.InMemory(spec, threads: 2).Results)
        {
            for (int t = 0; t <= 20; t++)
            {
                Assert.Equal(0, run.Series.CompetentShare(t));
            }

            Assert.Equal(100, run.Series.Count(20, Competency.Pacing, Stage.UnconsciousIncompetence));
        }
    }

    [Theory]
    [InlineData("{strategy: none, budget: 5}", "budget")]
    [InlineData("{strategy: none, share: 0.1}", "share")]
    [InlineData("{strategy: none, stage: 3}", "stage")]
    [InlineData("{strategy: none, competencies: [pacing]}", "competencies")]
    public void Parse_StrategyNoneRefusesKeysThatDescribeSeeds(string seeding, string key)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse($"arms: [{{name: a, seeding: {seeding}}}]", "s.yaml"));
        ScenarioError only = Assert.Single(error.Errors);
        Assert.Equal($"arms[0].seeding.{key} does not apply to strategy none, which seeds nobody; remove it", only.Message);
        Assert.Equal(1, only.Line);
    }
}
