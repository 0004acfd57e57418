using OrgSim.Core.Agents;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>
/// Each scenario in scenarios/ shows what its opening comment claims, run in full (1,000 agents,
/// 104 weeks, 20 replicates, its own seed). Arms of a replicate share its organisation, seed agents
/// and random numbers, so a claim that arm A beats arm B is checked on the paired differences
/// A − B, replicate by replicate: the 95% Student t interval of their mean — the Monte Carlo error
/// of the comparison — must lie above 0. Slow: each runs a whole scenario, 0.5 to 4 s.
/// </summary>
[Trait("Category", "Slow")]
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

    [Fact]
    public void MentoringPods_TrainingTheMentorsReachesFurthest()
    {
        Summary s = Run("mentoring-pods.yaml");
        s.Above("mentors", "top-down", "competent_share_final");
        s.Above("mentors", "volunteers", "competent_share_final");
        s.Above("mentors", "top-down", "competent_share_final_level_4");
    }

    [Fact]
    public void ExternalCoaches_ReachLessThanWellPlacedInsiders()
    {
        Summary s = Run("external-coaches.yaml");
        s.Above("middle-managers", "coaches", "competent_share_final");
        s.Above("most-connected", "coaches", "competent_share_final");
    }

    [Fact]
    public void FlatOrganisation_ScatteredPeopleCarryItIntoTeams()
    {
        Summary s = Run("flat-organisation.yaml");
        s.Above("scattered", "whole-teams", "competent_share_final");
        s.Above("most-connected", "whole-teams", "competent_share_final");
    }

    [Fact]
    public void HrImport_TopDownThenScatteredThenWholeTeams()
    {
        Summary s = Run("hr-import.yaml");
        s.Above("top-down", "bottom-up-scattered", "competent_share_final");
        s.Above("bottom-up-scattered", "bottom-up-teams", "competent_share_final");
    }

    private static Summary Run(string file)
    {
        ScenarioSpec spec = ScenarioLoader.Load(TestPaths.Scenario(file)).Spec;
        return new Summary(spec, TestRuns.InMemory(spec, threads: 2));
    }

    private sealed class Summary(ScenarioSpec spec, MemoryRunStore result)
    {
        private readonly IReadOnlyList<SummaryRow> _rows = spec.Arms.Select((arm, a) => (arm, a))
            .SelectMany(x => SummaryBuilder.ForGroup(x.arm.Name, result.Runs.Where(r => r.Arm == x.a).Select(result.Metrics).ToList()))
            .ToList();

        public double Mean(string arm, string metric) => _rows.Single(r => r.Arm == arm && r.Metric == metric).Estimate.Mean!.Value;

        public void Above(string higher, string lower, string metric)
        {
            List<double> differences = result.Results.Where(r => r.Arm == higher).OrderBy(r => r.Replicate)
                .Zip(result.Results.Where(r => r.Arm == lower).OrderBy(r => r.Replicate), (a, b) => Final(a, metric) - Final(b, metric))
                .ToList();
            Estimate d = ConfidenceIntervals.StudentMean(differences);
            Assert.True(d.Low > 0, $"{metric}: {higher} − {lower} = {d.Mean:F4} [{d.Low:F4}, {d.High:F4}] over {d.N} paired replicates should be above 0");
        }

        private static double Final(RunResult run, string metric)
        {
            int last = run.Series.RecordedTicks - 1;
            return metric switch
            {
                "competent_share_final" => run.Series.CompetentShare(last),
                "effectiveness_agent_final" => run.Outcomes!.EffectivenessAgentMean(last),
                "competent_share_final_level_4" => run.Outcomes!.LevelCompetentShare(last, 4),
                _ when metric.StartsWith("competent_share_final_", StringComparison.Ordinal) => Share(run, metric["competent_share_final_".Length..]),
                _ => throw new ArgumentException($"no per-run value for {metric}", nameof(metric)),
            };
        }

        private static double Share(RunResult run, string competencyName)
        {
            Competency c = Competencies.All.Single(x => Competencies.Name(x) == competencyName);
            int last = run.Series.RecordedTicks - 1;
            return (run.Series.Count(last, c, Stage.ConsciousCompetence) + run.Series.Count(last, c, Stage.UnconsciousCompetence)) / (double)run.Series.AgentCount;
        }
    }
}
