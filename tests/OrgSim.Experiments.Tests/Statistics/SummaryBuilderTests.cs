using OrgSim.Core.Metrics;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Statistics;

public class SummaryBuilderTests
{
    [Fact]
    public void ForGroup_CountsRunsThatNeverReachAThresholdAsCensoredAtHorizonPlusOne()
    {
        // One agent, horizon 2. Run 0 reaches 50% at tick 1; run 1 never does, so it counts as week 3.
        ScenarioSpec spec = TestScenarios.Small().Spec with { Arms = [TestScenarios.Small().Spec.Arms[0]], HorizonWeeks = 2 };
        RunResult Run(int replicate, params int[][] ticks)
        {
            var series = new StageSeries(1, ticks.Length - 1);
            foreach (int[] counts in ticks)
            {
                series.Record(counts);
            }

            return new RunResult("top-down", replicate, 0, series, QuiescenceTick: replicate == 0 ? 2 : null);
        }

        int[] none = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];
        int[] half = [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0];
        var metrics = new[] { Run(0, none, half, half), Run(1, none, none, none) }
            .Select(r => RunMetrics.Of(r, spec.Arms[0].SeededCompetencies, spec.HorizonWeeks)).ToList();
        List<SummaryRow> built = SummaryBuilder.ForGroup("top-down", metrics).ToList();
        var rows = built.ToDictionary(r => r.Metric, r => r.Estimate);

        Assert.Equal(
            ["competent_share_final", "adoption_share_final", "competent_share_final_decisiveness", "competent_share_final_circularity",
             "competent_share_final_pacing", "competent_share_final_feedforward", "weeks_to_50pct", "reached_50pct", "weeks_to_90pct", "reached_90pct", "weeks_to_quiescence", "reached_quiescence"],
            built.Select(r => r.Metric));
        Assert.Equal(0.25, rows["competent_share_final"].Mean);
        Assert.Equal(2, rows["competent_share_final"].N);
        Assert.Equal(2.0, rows["weeks_to_50pct"].Mean); // (1 + 3) / 2
        Assert.Equal(2, rows["weeks_to_50pct"].N);
        Assert.Equal(0.5, rows["reached_50pct"].Mean);
        Assert.Equal(2, rows["reached_50pct"].N);
        Assert.Equal(3.0, rows["weeks_to_90pct"].Mean);
        Assert.Equal(2, rows["weeks_to_90pct"].N);
        Assert.Equal(0.0, rows["reached_90pct"].Mean);
        Assert.Equal(0.25, rows["adoption_share_final"].Mean); // the arm seeds all four competencies
        Assert.Equal(2.5, rows["weeks_to_quiescence"].Mean); // (2 + 3) / 2: run 1 is censored at week 3
        Assert.Equal(0.5, rows["reached_quiescence"].Mean);
    }
}
