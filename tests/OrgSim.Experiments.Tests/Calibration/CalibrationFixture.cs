using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Scenarios;
using OrgSim.Tests.Shared;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>A small organisation to calibrate, and a survey OrgSim made of it at known parameters.</summary>
internal static class CalibrationFixture
{
    /// <summary>The transmission the observed survey was made at.</summary>
    public const double TrueTransmission = 0.12;

    public static string ScenarioText(int particles = 40, int maxGenerations = 3, string extra = "") =>
        $$"""
        name: tiny
        seed: 11
        horizon_weeks: 30
        replicates: 2
        organisation: {agents: 150, span: 6, cross_team_ties_per_agent: 2}
        model: {transmission: 0.05}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 15}
          - name: bottom-up
            seeding: {strategy: bottom-up-scattered, budget: 15}
        calibration:
          arm: bottom-up
          parameters:
            model.transmission: {low: 0.01, high: 0.5, scale: log-uniform}
          particles: {{particles}}
          max_generations: {{maxGenerations}}
        {{extra}}
        """;

    public static IReadOnlyList<SurveyWave> Waves { get; } =
        [.. new[] { 10, 20, 30 }.SelectMany(week => Competencies.All.Select(c => new SurveyWave(week, c, null, null, 120)))];

    /// <summary>A folder holding tiny.yaml and observed.csv (made by OrgSim at <see cref="TrueTransmission"/>, by default with the run seed 99 and survey seed 7).</summary>
    public static string Folder(int particles = 40, int maxGenerations = 3, string extra = "", ulong truthSeed = 99, ulong surveySeed = 7)
    {
        string folder = TemporaryDirectories.Create();
        string scenario = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(scenario, ScenarioText(particles, maxGenerations, extra));
        ScenarioSpec truth = ScenarioLoader.Load(scenario, [ScenarioOverride.FromSet($"model.transmission={TrueTransmission}").Override!]).Spec with { Seed = truthSeed };
        File.WriteAllText(Path.Combine(folder, "observed.csv"), SurveySampler.FromRun(truth, "bottom-up", Waves, ObservedCounts.Stages, surveySeed));
        return folder;
    }

    public static CalibrateRequest Request(string folder, string outName = "out", int threads = 1, bool forecast = false, IReadOnlyList<string>? sets = null) => new()
    {
        Scenario = new ScenarioInput(Path.Combine(folder, "tiny.yaml"), sets ?? []),
        Observed = Path.Combine(folder, "observed.csv"),
        Out = Path.Combine(folder, outName),
        Threads = threads,
        Forecast = forecast,
    };
}
