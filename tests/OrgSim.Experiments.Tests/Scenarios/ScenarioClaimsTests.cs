using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>
/// Each scenario in scenarios/ shows what its opening comment claims, run in full (1,000 agents,
/// 104 weeks, 20 replicates, its own seed). A claim that one arm beats another is checked as
/// non-overlapping 95% intervals of the mean over replicates — the Monte Carlo error of each arm —
/// so a claim holds only where the scenario's own output would support it.
/// </summary>
public class ScenarioClaimsTests
{
    [Fact]
    public void BottomUpVsTopDown_TopDownReachesMoreAndDistantManagersWeakenIt()
    {
        Summary s = Run("bottom-up-vs-top-down.yaml");
        s.Above("top-down", "bottom-up-teams", "competent_share_final");
        s.Above("bottom-up-scattered", "bottom-up-teams", "competent_share_final");
        s.Above("top-down", "top-down-distant", "competent_share_final");
        s.Above("top-down", "top-down-distant", "competent_share_final_level_4");
    }

    [Fact]
    public void RubPat_TheBarrierCostsTrainingAllAtOnceMoreThanTrainingInSequence()
    {
        Summary s = Run("rub-pat.yaml");
        s.Above("all-at-once-no-barrier", "all-at-once", "competent_share_final");
        double costAllAtOnce = s.Mean("all-at-once-no-barrier", "competent_share_final") - s.Mean("all-at-once", "competent_share_final");
        double costSequence = s.Mean("one-after-another-no-barrier", "competent_share_final") - s.Mean("one-after-another", "competent_share_final");
        Assert.True(costAllAtOnce > 3 * costSequence, $"the barrier costs all-at-once {costAllAtOnce:F3}, the sequence {costSequence:F3}");
    }

    [Fact]
    public void Chaos_CircularityFirstIsLessEffective()
    {
        Summary s = Run("chaos.yaml");
        s.Above("decisiveness-first", "circularity-first", "effectiveness_agent_final");
        s.Above("decisiveness-first", "circularity-first", "competent_share_final_decisiveness");
    }

    [Fact]
    public void Pacing_QuarterlyCheckpointsSpreadFurther()
    {
        Summary s = Run("pacing.yaml");
        s.Above("quarterly-pacing", "no-pacing", "competent_share_final");
        s.Above("quarterly-pacing", "no-pacing", "effectiveness_agent_final");
    }

    [Fact]
    public void Feedforward_TheCatalystPaysForTheFourthCompetency()
    {
        Summary s = Run("feedforward.yaml");
        s.Above("with-feedforward", "with-feedforward-no-catalyst", "competent_share_final_decisiveness");
        s.Above("three-competencies", "with-feedforward-no-catalyst", "competent_share_final_decisiveness");
    }

    private static Summary Run(string file)
    {
        ScenarioSpec spec = ScenarioLoader.Load(TestPaths.Scenario(file)).Spec;
        return new Summary(SummaryBuilder.Build(ExperimentRunner.Run(spec, threads: 2)));
    }

    private sealed class Summary(IReadOnlyList<SummaryRow> rows)
    {
        public double Mean(string arm, string metric) => Row(arm, metric).Mean!.Value;

        public void Above(string higher, string lower, string metric)
        {
            Estimate a = Row(higher, metric), b = Row(lower, metric);
            Assert.True(a.Low > b.High, $"{metric}: {higher} {a.Mean:F4} [{a.Low:F4}, {a.High:F4}] should be above {lower} {b.Mean:F4} [{b.Low:F4}, {b.High:F4}]");
        }

        private Estimate Row(string arm, string metric) => rows.Single(r => r.Arm == arm && r.Metric == metric).Estimate;
    }
}
