using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>
/// The bundled Northwind survey is what OrgSim generates from the parameters its scenario states:
/// regenerated here byte for byte, so the file and its label cannot drift apart.
/// </summary>
public class NorthwindSampleTests
{
    /// <summary>The values that generated the file, as calibrate-northwind.yaml states them.</summary>
    public const double Transmission = 0.08, RelapseRate = 0.2;

    /// <summary>The survey: 200 respondents, every quarter of the first year, each competency, on the four-stage scale.</summary>
    public static IReadOnlyList<SurveyWave> Waves { get; } =
        [.. new[] { 0, 13, 26, 39, 52 }.SelectMany(week => Competencies.All.Select(c => new SurveyWave(week, c, null, null, 200)))];

    private static string SamplePath => Path.Combine(TestPaths.RepoRoot, "scenarios", "data", "northwind-survey-simulated.csv");

    /// <summary>Generates the survey from the scenario at the stated values.</summary>
    public static string Generate()
    {
        LoadedScenario loaded = ScenarioLoader.Load(
            TestPaths.Scenario("calibrate-northwind.yaml"),
            [ScenarioOverride.FromSet(FormattableString.Invariant($"model.transmission={Transmission}")).Override!, ScenarioOverride.FromSet(FormattableString.Invariant($"model.forgetting.relapse_rate={RelapseRate}")).Override!]);
        return SurveySampler.FromRun(loaded.Spec, "scattered-volunteers", Waves, ObservedCounts.Stages, seed: 2026);
    }

    [Fact]
    public void TheBundledSurvey_IsWhatTheStatedParametersGenerate()
    {
        string generated = Generate();
        if (Environment.GetEnvironmentVariable("ORGSIM_REGENERATE_SAMPLES") == "1")
        {
            File.WriteAllText(SamplePath, generated);
        }

        Assert.Equal(generated, File.ReadAllText(SamplePath).ReplaceLineEndings("\n"));
        ObservedSurvey survey = ObservedSurveyReader.Read(SamplePath);
        Assert.Equal(20, survey.Rows.Count);
    }
}
