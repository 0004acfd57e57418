using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>The survey sampler and the simulated survey it samples from.</summary>
public class SurveySamplerTests
{
    [Fact]
    public void Csv_ReadsBack_WithTheWavesAndDrawnCounts_DeterministicInTheSeed()
    {
        SurveyWave[] waves = [new(0, Competency.Pacing, 0, null, 8), new(5, null, 1, null, 40)];
        double[][] shares = [[1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25]];
        string csv = SurveySampler.Csv(waves, shares, ObservedCounts.Stages, seed: 3);
        Assert.Equal(csv, SurveySampler.Csv(waves, shares, ObservedCounts.Stages, seed: 3));
        Assert.NotEqual(csv, SurveySampler.Csv(waves, shares, ObservedCounts.Stages, seed: 4));
        ObservedSurvey survey = ObservedSurveyReader.Read(new StringReader(csv), "s.csv");
        Assert.Equal(ObservedBreakdown.Level, survey.Breakdown);
        Assert.Equal(8, survey.Rows[0].StageCount(Stage.UnconsciousIncompetence));
        Assert.Equal(160, survey.Rows[1].Ratings);
        Assert.InRange(survey.Rows[1].StageShare(Stage.UnconsciousCompetence), 0.15, 0.35);
        Assert.Equal("week,competency,level,respondents,competent\n0,pacing,0,8,0\n", SurveySampler.Csv(waves[..1], shares[..1], ObservedCounts.Competent, seed: 3));
    }

    [Fact]
    public void SimulatedSurvey_CountsEachLevel_AndPoolsAll()
    {
        ScenarioSpec spec = TestScenarios.Small(agents: 120, horizon: 12).Spec;
        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 0));
        SurveyWave[] waves = [new(12, null, null, null, 10), .. Enumerable.Range(0, graph.LevelCount).Select(l => new SurveyWave(12, Competency.Decisiveness, l, null, 10))];
        var whole = new SimulatedSurvey(waves[..1], graph);
        var levels = new SimulatedSurvey(waves[1..], graph);
        RunScheduler.RunOne(spec, spec.Arms[0], graph, 0, 1, (week, state) =>
        {
            whole.Record(week, state);
            levels.Record(week, state);
        });

        double[] pooled = whole.StageShares(0);
        Assert.Equal(1, pooled.Sum(), 12);
        // The top level is the executives the top-down arm trains: all of them at least competent.
        double[] top = levels.StageShares(0);
        Assert.Equal(1, top[2] + top[3], 12);
        Assert.All(levels.AllStageShares(), s => Assert.Equal(1, s.Sum(), 12));
    }
}
